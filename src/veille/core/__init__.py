"""The shared kernel: settings, error codes, the data model and text folding.

Every layer may import core; core imports no other part of veille.
"""

"""Spanish web-page furniture words (see lang/furniture_words.py): the
generic vocabulary of Spanish news pages' widgets, credits and page tails."""

from __future__ import annotations

from veille.lang.furniture_words import FurnitureWords

WORDS = FurnitureWords(
    phrases=frozenset({
        # la página señala su reproductor (sesión 20)
        "video de arriba", "vídeo de arriba", "video de abajo", "vídeo de abajo",
        "pie de foto", "foto:", "fotos:", "fotografía:", "imagen:", "fuente:", "vídeo:",
        "más vídeos", "contenido relacionado", "noticias relacionadas",
        "noticia relacionada", "lee también", "lea también", "leer más", "lee más",
        "te puede interesar", "le puede interesar", "te recomendamos", "no te pierdas",
        "suscríbete", "suscribirse", "suscripción", "newsletter",
        "síguenos", "haz clic", "haga clic",
        "todos los derechos reservados", "aviso legal", "política de privacidad",
        "se actualizó", "última actualización", "para más información", "con información de",
        # remisiones al lector al final de una página (sesión 18)
        "edición impresa", "más detalles sobre", "síguenos en",
        # la nota de sindicación al pie ("… es un contenido original de ABC.es", sesión 20)
        "contenido original de",
    }),
    openers=frozenset({
        "foto", "fotos", "imagen", "vídeo", "video", "fuente:", "galería", "lea también",
        "lee también", "ver también", "relacionado", "relacionada", "relacionadas",
        "publicidad", "más:", "también:", "actualización",
    }),
    # encabezados de una lista de enlaces (sesión 20)
    list_headers=frozenset({
        "más noticias", "más", "lea también", "lee también", "ver también",
        "noticias relacionadas", "contenido relacionado", "te puede interesar",
        "le puede interesar", "te recomendamos", "también", "lo más leído", "relacionado",
        "relacionadas", "últimas noticias",
    }),
    addressee=frozenset({"usted", "Usted", "ustedes", "Ustedes", "tú", "Tú", "te", "vosotros"}),
)

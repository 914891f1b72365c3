// veille: the only script. Moves keyboard focus to a cited sentence so screen
// readers and keyboard users land on it, as sighted users do by scrolling.
document.addEventListener("DOMContentLoaded", function () {
  var cited = document.getElementById("cited");
  if (cited) {
    cited.focus({ preventScroll: true });
    cited.scrollIntoView({ block: "center" });
  }
});

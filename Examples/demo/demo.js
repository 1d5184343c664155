// The demo's comment platform: posts each new comment to the server's demo endpoint, which screens
// it with the comment hook (as Coral's external moderation phase would), then shows it or says why
// it is held for a moderator.
(function () {
  "use strict";
  var form = document.getElementById("comment-form");
  var status = document.getElementById("comment-status");
  var list = document.getElementById("comment-list");
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var author = form.elements.author.value.trim();
    var text = form.elements.text.value.trim();
    if (!author || !text) return;
    status.textContent = "Posting…";
    fetch("/demo/comments", {
      method: "POST", credentials: "omit", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ author: author, text: text })
    }).then(function (response) {
      return response.json().then(function (body) { if (!response.ok) throw new Error(body.detail || response.statusText); return body; });
    }).then(function (decision) {
      if (decision.decision === "approve") {
        var item = document.createElement("li");
        item.className = "comment";
        var who = document.createElement("p");
        who.className = "author";
        who.textContent = author;
        var body = document.createElement("p");
        body.textContent = text;
        item.appendChild(who);
        item.appendChild(body);
        list.appendChild(item);
        status.textContent = "Your comment is published.";
        status.className = "approved";
      } else {
        status.textContent = "Your comment is held for a moderator: " + decision.reasons.join("; ");
        status.className = "held";
      }
      form.elements.text.value = "";
    }).catch(function (error) {
      status.textContent = "The comment could not be posted: " + error.message;
    });
  });
})();

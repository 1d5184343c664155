/// The Fact Checker box: one script a news page includes, with no framework and no requests but to
/// this server. It finds the story's address (`data-url`, else the page's canonical link, else its
/// own address), shows the newsroom's published fact-checks — rating, one-line reason, sources
/// with dates, "as of" — and, where allowed, the unreviewed automated findings, labelled. "Verify"
/// queues a story not yet analysed and follows its progress; "Listen" plays only when asked.
/// Rendered in a shadow root so the page's styles and the box's do not mix.
enum Widget {
    static let script = #"""
        (function () {
          "use strict";
          var script = document.currentScript;
          if (!script) return;
          var base = new URL(script.src).origin;
          var canonical = document.querySelector("link[rel=canonical]");
          var story = script.dataset.url || (canonical && canonical.href) || location.href.split("#")[0];
          var host = document.getElementById(script.dataset.target || "crosscheck-box");
          if (!host) { host = document.createElement("div"); script.parentNode.insertBefore(host, script.nextSibling); }
          var root = host.attachShadow ? host.attachShadow({ mode: "open" }) : host;
          var api = base + "/public/v1/";
          var query = "url=" + encodeURIComponent(story);

          function el(tag, attrs, children) {
            var node = document.createElement(tag);
            Object.keys(attrs || {}).forEach(function (key) {
              if (key === "text") node.textContent = attrs[key]; else node.setAttribute(key, attrs[key]);
            });
            (children || []).forEach(function (child) { if (child) node.appendChild(child); });
            return node;
          }

          var style = el("link", { rel: "stylesheet", href: base + "/widget.css" });
          var box = el("section", { class: "box", role: "region", "aria-labelledby": "cc-title" });
          var status = el("p", { class: "status", role: "status", "aria-live": "polite" });
          root.appendChild(style);
          root.appendChild(box);

          function get(path) {
            return fetch(api + path, { credentials: "omit", headers: { Accept: "application/json" } }).then(function (response) {
              return response.json().then(function (body) { if (!response.ok) throw new Error(body.detail || response.statusText); return body; });
            });
          }

          function date(text) { return text ? String(text).slice(0, 10) : ""; }

          function render(findings) {
            box.textContent = "";
            box.appendChild(el("h2", { id: "cc-title", text: "Fact Checker" }));
            box.appendChild(el("p", { class: "intro", text: "What " + findings.publisher + "'s editors found when they checked this story's claims against their sources." }));
            box.appendChild(status);
            if (findings.checks.length) {
              var list = el("ol", { class: "checks" });
              findings.checks.forEach(function (check) {
                var sources = el("ul", { class: "sources" }, check.sources.map(function (source) {
                  var name = source.url ? el("a", { href: source.url, rel: "noopener nofollow", text: source.name }) : el("span", { text: source.name });
                  return el("li", {}, [name, source.date ? el("span", { class: "date", text: " · " + source.date }) : null]);
                }));
                list.appendChild(el("li", { class: "check " + check.verdict }, [
                  el("p", { class: "rating", text: check.rating }),
                  el("p", { class: "claim", text: check.claim }),
                  el("p", { class: "reason", text: check.reason }),
                  check.sources.length ? sources : null,
                  el("p", { class: "published", text: "Reviewed " + check.published }),
                ]));
              });
              box.appendChild(list);
            }
            if (findings.automated && findings.automated.length) {
              box.appendChild(el("h3", { text: "Automated analysis — not reviewed by an editor" }));
              var auto = el("ul", { class: "automated", id: "cc-automated" });
              findings.automated.forEach(function (item, index) {
                auto.appendChild(el("li", index < 5 ? {} : { hidden: "" }, [
                  el("span", { class: "claim", text: item.claim }),
                  el("span", { class: "label", text: item.confidence == null ? " — not yet checked against sources" : " — " + item.verdict.replace(/_/g, " ") + ", confidence " + Math.round(item.confidence * 100) + "%" }),
                ]));
              });
              box.appendChild(auto);
              if (findings.automated.length > 5) {
                var more = el("button", { type: "button", "aria-expanded": "false", "aria-controls": "cc-automated", text: "Show " + (findings.automated.length - 5) + " more" });
                more.addEventListener("click", function () {
                  Array.prototype.forEach.call(auto.children, function (item) { item.hidden = false; });
                  more.remove();
                });
                box.appendChild(more);
              }
            }
            if (findings.state === "done") {
              if (!findings.checks.length) box.appendChild(el("p", { class: "none", text: "No fact-checks of this article have been published yet." }));
              box.appendChild(el("p", { class: "asof", text: "As of " + date(findings.as_of) }));
              listen(findings.listen);
            } else if (findings.state === "unknown" || findings.state === "failed") {
              var button = el("button", { type: "button", class: "verify", text: "Verify this article" });
              button.addEventListener("click", verify);
              box.appendChild(button);
              if (findings.state === "failed") status.textContent = "The last check of this article failed; you can ask again.";
            } else {
              status.textContent = findings.state === "queued" ? "Waiting to be checked…" : "Checking the article…";
              setTimeout(load, 3000);
            }
          }

          function listen(links) {
            if (!links) return;
            var player = el("audio", { controls: "", preload: "none", class: "player" });
            var row = el("div", { class: "listen" });
            [["Listen to the article", links.article], ["Listen to the findings", links.findings]].forEach(function (pair) {
              var button = el("button", { type: "button", text: pair[0] });
              button.addEventListener("click", function () {
                player.src = pair[1];
                player.hidden = false;
                status.textContent = "Preparing audio…";
                player.play().then(function () { status.textContent = ""; }, function () { status.textContent = "The audio could not be played."; });
              });
              row.appendChild(button);
            });
            player.hidden = true;
            box.appendChild(row);
            box.appendChild(player);
          }

          function verify() {
            status.textContent = "Asking for a check…";
            fetch(api + "verify", { method: "POST", credentials: "omit", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ url: story }) })
              .then(function (response) { return response.json().then(function (body) { if (!response.ok) throw new Error(body.detail); render(body); }); })
              .catch(function (error) { status.textContent = "Could not ask for a check: " + error.message; });
          }

          function load() {
            get("findings?" + query).then(render).catch(function (error) {
              box.textContent = "";
              box.appendChild(el("h2", { id: "cc-title", text: "Fact Checker" }));
              box.appendChild(status);
              status.textContent = "The fact-checks cannot be shown just now (" + error.message + ").";
            });
          }
          load();
        })();
        """#

    static let stylesheet = """
        :host { all: initial; display: block; }
        .box { font: 15px/1.45 system-ui, sans-serif; color: #1a1a1a; background: #f7f7f4; border: 1px solid #ccc; border-left: 4px solid #1d4e89; padding: 12px 16px; max-width: 40em; }
        h2 { font-size: 1.1em; margin: 0 0 4px; } h3 { font-size: 1em; margin: 12px 0 4px; }
        .intro, .asof, .published, .date, .label { color: #555; font-size: .9em; }
        ol, ul { padding-left: 1.2em; } .check { margin: 8px 0; }
        .rating { font-weight: 700; margin: 0; } .refuted .rating { color: #a30000; } .supported .rating { color: #1b6e20; } .mixed .rating { color: #8a5a00; }
        .claim, .reason { margin: 2px 0; }
        button { font: inherit; padding: 6px 12px; margin: 4px 8px 4px 0; border: 1px solid #1d4e89; background: #fff; color: #1d4e89; border-radius: 4px; cursor: pointer; }
        button:focus-visible, a:focus-visible { outline: 3px solid #f2a900; outline-offset: 2px; }
        .player { width: 100%; margin-top: 6px; }
        @media (prefers-reduced-motion: no-preference) { button { transition: background .15s; } button:hover { background: #e8eef6; } }
        @media (prefers-color-scheme: dark) { .box { background: #1e1e1e; color: #eee; border-color: #555; } .intro, .asof, .published, .date, .label { color: #bbb; } button { background: #222; color: #9cc3ff; border-color: #9cc3ff; } }
        """
}

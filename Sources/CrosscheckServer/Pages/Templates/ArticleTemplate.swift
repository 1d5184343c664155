extension PageTemplates {
    /// The article page: the text with its claims and technique marks, a card per check-worthy claim
    /// (verdict, passages, earlier fact-checks, review and publish forms), the other sentences, and
    /// the reviews so far. A job not yet done shows its state and reloads itself.
    static let article = """
        {{<layout}}{{$main}}
        {{#pending}}
        <h1>{{name}}</h1>
        <p class="notice" role="status">{{pending}}</p>
        {{/pending}}
        {{#failure}}
        <h1>{{name}}</h1>
        <p class="error" role="alert">The analysis failed: {{failure}}</p>
        {{/failure}}
        {{#view}}
        <h1>{{title}}</h1>
        <p class="meta">{{#byline}}{{byline}} · {{/byline}}{{#articleDate}}published {{articleDate}} · {{/articleDate}}{{#articleURL}}<a href="{{articleURL}}" rel="noopener noreferrer nofollow">{{articleURL}}</a> · {{/articleURL}}<a href="{{reportHref}}">JSON report</a></p>
        <ul class="meta">{{#facts}}<li>{{.}}</li>{{/facts}}{{#techniqueNote}}<li>{{techniqueNote}}</li>{{/techniqueNote}}
        <li>{{#comments}}Comments: {{comments}} — {{/comments}}<a href="{{commentsHref}}" accesskey="c">comment screen</a></li></ul>
        <div class="article-grid">
        <section class="text" aria-label="Article text">
        <h2>Text</h2>
        {{#paragraphs}}<p>{{#stretches}}{{#claimHref}}<a class="claim" href="{{claimHref}}">{{/claimHref}}{{#technique}}<span class="technique" title="{{technique}}">{{/technique}}{{text}}{{#technique}}</span>{{/technique}}{{#claimHref}}</a>{{/claimHref}}{{/stretches}}</p>
        {{/paragraphs}}
        </section>
        <section aria-label="Claims">
        <h2>Claims to check, best first</h2>
        {{^claims}}<p class="muted">No sentence is check-worthy.</p>{{/claims}}
        {{#claims}}
        <article class="card" id="claim-{{number}}">
        <h3>{{rank}}. {{text}}</h3>
        <p class="meta">check-worthiness {{score}}{{#types}} · {{types}}{{/types}}{{#source}} · source: {{source}}{{/source}}</p>
        {{#verdict}}<p>Engine: <span class="label {{labelClass}}">{{label}}</span> <span class="meta">confidence {{confidence}}{{#asOf}}, sources as of {{asOf}}{{/asOf}}</span></p>
        {{^empty(reasons)}}<ul class="meta">{{#reasons}}<li>{{.}}</li>{{/reasons}}</ul>{{/empty(reasons)}}{{/verdict}}
        {{^verdict}}<p class="meta">Not verified: the store holds no sources for it.</p>{{/verdict}}
        {{#reviewed}}<p>Reviewed: <span class="label {{valueClass}}">{{value}}</span> <span class="meta">by {{reviewer}}, {{at}}</span> — {{note}}</p>{{/reviewed}}
        {{#isPublished}}<p class="notice">Published as ClaimReview.</p>{{/isPublished}}
        {{#evidence}}<div class="evidence"><span class="label {{stance}}">{{stance}}</span> {{#sourceURL}}<a href="{{sourceURL}}" rel="noopener noreferrer nofollow">{{title}}</a>{{/sourceURL}}{{^sourceURL}}{{title}}{{/sourceURL}}{{#sourceDate}} <span class="meta">({{sourceDate}})</span>{{/sourceDate}}
        <br>{{text}}{{^empty(reasons)}}<ul class="meta">{{#reasons}}<li>{{.}}</li>{{/reasons}}</ul>{{/empty(reasons)}}</div>
        {{/evidence}}
        {{^empty(factChecks)}}<p class="meta">Earlier fact-checks:</p><ul>{{#factChecks}}<li>{{#checkURL}}<a href="{{checkURL}}" rel="noopener noreferrer nofollow">{{claim}}</a>{{/checkURL}}{{^checkURL}}{{claim}}{{/checkURL}}{{#checkRating}} — <strong>{{checkRating}}</strong>{{/checkRating}} <span class="meta">({{score}})</span></li>{{/factChecks}}</ul>{{/empty(factChecks)}}
        {{#canReview}}
        <form method="post" action="/articles/{{jobID}}/reviews" class="review">
        <input type="hidden" name="csrf" value="{{chrome.csrf}}">
        <input type="hidden" name="target" value="claim:{{number}}:verdict">
        <div class="inline">
        <label for="verdict-{{number}}">Verdict</label>
        <select id="verdict-{{number}}" name="value">{{#verdictOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/verdictOptions}}</select>
        </div>
        <label for="note-{{number}}">Note</label>
        <input type="text" id="note-{{number}}" name="note" required size="50" placeholder="why: the source, what you checked">
        <p><button type="submit">Save verdict</button></p>
        </form>
        <form method="post" action="/articles/{{jobID}}/reviews" class="inline">
        <input type="hidden" name="csrf" value="{{chrome.csrf}}">
        <input type="hidden" name="target" value="claim:{{number}}:checkworthy">
        <input type="hidden" name="value" value="false">
        <label for="cw-note-{{number}}" class="meta">Not worth checking?</label>
        <input type="text" id="cw-note-{{number}}" name="note" required size="24" placeholder="why">
        <button class="quiet" type="submit">Drop claim</button>
        </form>
        {{/canReview}}
        {{#hasRating}}<p class="meta"><a href="{{claimReviewHref}}">ClaimReview preview</a>{{#canPublish}} · you can publish it there{{/canPublish}}</p>{{/hasRating}}
        </article>
        {{/claims}}
        {{^empty(others)}}
        <details>
        <summary>{{othersCount}} more sentences the model does not find check-worthy</summary>
        <ul>{{#others}}<li id="claim-{{number}}">{{text}} <span class="meta">({{score}})</span>
        {{#canReview}}<form method="post" action="/articles/{{jobID}}/reviews" class="inline">
        <input type="hidden" name="csrf" value="{{chrome.csrf}}"><input type="hidden" name="target" value="claim:{{number}}:checkworthy">
        <input type="hidden" name="value" value="true">
        <label for="cw-note-{{number}}" class="meta">Worth checking?</label>
        <input type="text" id="cw-note-{{number}}" name="note" required size="24" placeholder="why">
        <button class="quiet" type="submit">Add claim</button></form>{{/canReview}}</li>
        {{/others}}</ul>
        </details>
        {{/empty(others)}}
        </section>
        </div>
        <h2>Reviews</h2>
        {{^reviews}}<p class="muted">No one has reviewed this article yet.</p>{{/reviews}}
        {{^empty(reviews)}}<div class="scroll"><table><thead><tr><th>When</th><th>Who</th><th>What</th><th>Change</th><th>Note</th></tr></thead><tbody>
        {{#reviews}}<tr><td>{{at}}</td><td>{{reviewer}}</td><td>{{target}}</td><td>{{change}}</td><td>{{note}}</td></tr>
        {{/reviews}}</tbody></table></div>{{/empty(reviews)}}
        <p class="meta"><a href="/audit?subject={{jobID}}">This article in the audit log</a></p>
        {{/view}}
        {{/main}}{{/layout}}
        """
}

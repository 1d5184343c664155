extension PageTemplates {
    static let claimReview = """
        {{<layout}}{{$main}}
        <p class="meta"><a href="/articles/{{jobID}}#claim-{{claim}}">← back to the claim</a></p>
        <h1>ClaimReview</h1>
        <p>{{claimText}}</p>
        {{#published}}<p class="notice" role="status">Published: it is in the fact-check database, and the next article repeating the claim is matched to it.</p>{{/published}}
        {{^empty(problems)}}<div class="error" role="alert"><p>Not ready to publish:</p><ul>{{#problems}}<li>{{.}}</li>{{/problems}}</ul></div>{{/empty(problems)}}
        {{#canPublish}}
        <form method="post" action="/articles/{{jobID}}/claims/{{claim}}/publish">
        <input type="hidden" name="csrf" value="{{chrome.csrf}}">
        <p><button type="submit">Publish</button></p>
        </form>
        {{/canPublish}}
        <h2>JSON-LD</h2>
        <pre>{{jsonLD}}</pre>
        <h2>Snippet for the published story</h2>
        <pre>{{snippet}}</pre>
        {{/main}}{{/layout}}
        """
}

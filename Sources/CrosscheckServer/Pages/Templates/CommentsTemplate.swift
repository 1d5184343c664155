extension PageTemplates {
    static let comments = """
        {{<layout}}{{$main}}
        <p class="meta"><a href="/articles/{{jobID}}">← {{title}}</a></p>
        <h1>Comment screen</h1>
        {{#summary}}<p>{{summary}}</p>{{/summary}}
        {{^comments}}<p class="muted">The article came without comments.</p>{{/comments}}
        {{^empty(clusters)}}<h2>Templates</h2>
        <ul>{{#clusters}}<li>Template {{id}}: {{size}} comments, by {{authors}}</li>{{/clusters}}</ul>{{/empty(clusters)}}
        {{^empty(comments)}}<h2>Comments</h2>{{/empty(comments)}}
        {{#comments}}
        <article class="comment{{#replyTo}} reply{{/replyTo}}" id="comment-{{id}}">
        <p><span class="who">{{author}}</span> <span class="meta">{{#time}}{{time}} · {{/time}}{{#replyTo}}replying to {{replyTo}} · {{/replyTo}}{{engine}} ({{score}}){{#cluster}} · template {{cluster}}{{/cluster}}</span></p>
        <p>{{text}}</p>
        {{^empty(flags)}}<p class="flags">{{#flags}}<span class="label refuted">{{.}}</span>{{/flags}}</p>{{/empty(flags)}}
        {{^empty(reasons)}}<ul class="meta">{{#reasons}}<li>{{.}}</li>{{/reasons}}</ul>{{/empty(reasons)}}
        <p><span class="label {{decisionClass}}">{{decision}}</span>{{#decidedBy}} <span class="meta">{{decidedBy}}</span>{{/decidedBy}}</p>
        {{#canModerate}}
        <form method="post" action="/articles/{{jobID}}/comments/{{idPath}}/moderate" class="inline">
        <input type="hidden" name="csrf" value="{{chrome.csrf}}">
        <label for="note-{{id}}" class="meta">Note</label>
        <input type="text" id="note-{{id}}" name="note" required size="30" placeholder="why">
        <button type="submit" name="decision" value="approve">Approve</button>
        <button type="submit" name="decision" value="reject" class="quiet">Reject</button>
        </form>
        {{/canModerate}}
        </article>
        {{/comments}}
        {{/main}}{{/layout}}
        """
}

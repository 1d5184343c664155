extension PageTemplates {
    static let queue = """
        {{<layout}}{{$main}}
        <h1>Queue</h1>
        <div class="columns">
        {{#lanes}}
        <section class="lane" aria-labelledby="lane-{{id}}">
        <h2 id="lane-{{id}}">{{title}} <span class="muted">({{count}})</span></h2>
        {{^rows}}<p class="muted">{{empty}}</p>{{/rows}}
        <ol>
        {{#rows}}<li><a href="{{href}}">{{name}}</a><br><span class="meta">{{when}}{{#detail}} · {{detail}}{{/detail}}</span></li>
        {{/rows}}
        </ol>
        </section>
        {{/lanes}}
        </div>
        {{#canSubmit}}
        <h2 id="submit">Submit an article</h2>
        <form method="post" action="/articles">
        <input type="hidden" name="csrf" value="{{chrome.csrf}}">
        <label for="article">The article: its page's HTML, its text, or JSON</label>
        <textarea id="article" name="article" rows="10" accesskey="n"></textarea>
        <label for="url">The page's address (alone, the server fetches the page)</label>
        <input type="url" id="url" name="url" size="60" placeholder="https://…">
        <p><button type="submit">Analyse</button> <span class="muted">Analysis takes a few seconds; the article appears under Analysing.</span></p>
        </form>
        {{/canSubmit}}
        {{/main}}{{/layout}}
        """
}

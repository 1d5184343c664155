extension PageTemplates {
    static let sources = """
        {{<layout}}{{$main}}
        <h1>Sources</h1>
        {{^sources}}<p class="muted">No polled sources. Add one with <code>crosscheck sources add NAME URL</code>; <code>crosscheck serve --watch</code> polls them.</p>{{/sources}}
        {{^empty(sources)}}<div class="scroll"><table>
        <thead><tr><th>Name</th><th>Kind</th><th>Polled</th><th>Last poll</th><th>Result</th><th>Next</th></tr></thead>
        <tbody>{{#sources}}<tr><td>{{#link}}<a href="{{link}}" rel="noopener noreferrer nofollow">{{name}}</a>{{/link}}{{^link}}{{name}}{{/link}}<br><span class="meta">{{address}}</span></td>
        <td>{{kind}}</td><td>{{every}}</td><td>{{lastPolled}}</td><td{{#failing}} class="refuted"{{/failing}}>{{lastResult}}</td><td>{{nextPoll}}</td></tr>
        {{/sources}}</tbody></table></div>{{/empty(sources)}}
        {{/main}}{{/layout}}
        """

    static let audit = """
        {{<layout}}{{$main}}
        <h1>Audit log</h1>
        <form method="get" action="/audit" class="inline">
        <div><label for="subject">Article (job id)</label><input type="search" id="subject" name="subject" value="{{subject}}"></div>
        <div><label for="actor">Person</label><input type="search" id="actor" name="actor" value="{{actor}}"></div>
        <button type="submit">Filter</button> <a href="/audit">All</a>
        </form>
        <p class="meta">{{shown}} changes, newest first · <a href="{{export}}">export as JSON Lines</a></p>
        {{^entries}}<p class="muted">No changes recorded{{#filtered}} that match{{/filtered}}.</p>{{/entries}}
        {{^empty(entries)}}<div class="scroll"><table>
        <thead><tr><th>When</th><th>Who</th><th>Action</th><th>About</th><th>Change</th><th>Note</th></tr></thead>
        <tbody>{{#entries}}<tr><td>{{at}}</td><td><a href="/audit?actor={{actor}}">{{actor}}</a></td><td>{{action}}</td>
        <td>{{#subjectHref}}<a href="{{subjectHref}}">{{subject}}</a>{{/subjectHref}}{{^subjectHref}}{{subject}}{{/subjectHref}}{{#detail}} <span class="meta">{{detail}}</span>{{/detail}}</td>
        <td>{{change}}</td><td>{{note}}</td></tr>
        {{/entries}}</tbody></table></div>{{/empty(entries)}}
        {{/main}}{{/layout}}
        """
}

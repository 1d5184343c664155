extension PageTemplates {
    static let signIn = """
        {{<layout}}{{$main}}
        <h1>Sign in</h1>
        {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
        <form method="post" action="/login">
        <input type="hidden" name="login_token" value="{{loginToken}}">
        <input type="hidden" name="next" value="{{next}}">
        <label for="name">Name</label>
        <input type="text" id="name" name="name" value="{{name}}" autocomplete="username" required autofocus>
        <label for="password">Password</label>
        <input type="password" id="password" name="password" autocomplete="current-password" required>
        <p><button type="submit">Sign in</button></p>
        </form>
        <p class="muted">No account? An admin adds people with <code>crosscheck users add NAME --role analyst --password-stdin</code>.</p>
        {{/main}}{{/layout}}
        """

    static let problem = """
        {{<layout}}{{$main}}
        <h1>{{heading}}</h1>
        <p class="error" role="alert">{{detail}}</p>
        <p>{{#signIn}}<a href="/login">Sign in</a> · {{/signIn}}<a href="/">Back to the queue</a></p>
        {{/main}}{{/layout}}
        """
}

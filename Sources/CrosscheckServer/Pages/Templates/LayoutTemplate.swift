extension PageTemplates {
    /// Every page's frame: head, navigation, sign-out form, and the page's `main` block.
    static let layout = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{chrome.title}} · Crosscheck</title>
        <link rel="stylesheet" href="/static/workbench.css">
        {{#chrome.refresh}}<meta http-equiv="refresh" content="{{chrome.refresh}}">{{/chrome.refresh}}
        </head>
        <body>
        <a class="skip" href="#main">Skip to content</a>
        <header class="top">
        <a class="brand" href="/">Crosscheck</a>
        {{#chrome.who}}
        <nav aria-label="Workbench">{{#chrome.nav}}<a href="{{href}}" accesskey="{{key}}"{{#current}} aria-current="page"{{/current}}>{{label}}</a>
        {{/chrome.nav}}</nav>
        <form class="signout" method="post" action="/logout">
        <input type="hidden" name="csrf" value="{{chrome.csrf}}">
        <span>{{chrome.who}} · {{chrome.role}}</span> <button class="quiet" type="submit">Sign out</button>
        </form>
        {{/chrome.who}}
        </header>
        <main id="main">
        {{$main}}{{/main}}
        </main>
        </body>
        </html>
        """
}

/// The workbench's page templates, one file each.
enum PageTemplates {}

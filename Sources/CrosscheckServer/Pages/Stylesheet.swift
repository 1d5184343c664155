import HTTPTypes
import Hummingbird
import NIOCore

/// The workbench's one stylesheet, served at `/static/workbench.css` (the pages' CSP allows styles
/// from the server only, none inline). Readable on a laptop and a phone, in light and dark.
enum Stylesheet {
    static let path = "/static/workbench.css"

    static let css = """
        :root { color-scheme: light dark; --ink: #1d232a; --muted: #5b6570; --line: #d9dee3; --paper: #fff; --wash: #f4f6f8;
          --accent: #0b5cad; --claim: #fff3bf; --technique: #e7d7f5; --ok: #1e7b34; --bad: #b3261e; --mixed: #8a5a00; }
        @media (prefers-color-scheme: dark) { :root { --ink: #e6e9ec; --muted: #a3adb8; --line: #3a424b; --paper: #16191d; --wash: #1f242a;
          --accent: #7ab7ff; --claim: #4a3f10; --technique: #3d2d52; --ok: #7dd191; --bad: #ff8a80; --mixed: #f2c46d; } }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: var(--paper); }
        a { color: var(--accent); }
        a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, summary:focus-visible {
          outline: 3px solid var(--accent); outline-offset: 2px; }
        .skip { position: absolute; left: -999px; } .skip:focus { left: 8px; top: 8px; background: var(--paper); padding: 4px 8px; }
        header.top { display: flex; flex-wrap: wrap; gap: 8px 20px; align-items: center; padding: 10px 20px; border-bottom: 1px solid var(--line);
          background: var(--wash); }
        .brand { font-weight: 700; text-decoration: none; color: var(--ink); }
        header nav { display: flex; gap: 14px; flex-wrap: wrap; }
        header nav a[aria-current] { font-weight: 700; text-decoration: none; color: var(--ink); }
        .signout { margin-left: auto; display: flex; gap: 8px; align-items: center; color: var(--muted); font-size: 14px; }
        main { max-width: 1100px; margin: 0 auto; padding: 16px 20px 60px; }
        h1 { font-size: 1.6rem; line-height: 1.25; margin: .4em 0; } h2 { font-size: 1.2rem; margin-top: 1.6em; }
        .muted, .meta { color: var(--muted); font-size: 14px; }
        table { border-collapse: collapse; width: 100%; font-size: 15px; } th, td { text-align: left; padding: 6px 8px;
          border-bottom: 1px solid var(--line); vertical-align: top; }
        .scroll { overflow-x: auto; }
        .columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(240px, 1fr)); gap: 16px; }
        .lane { background: var(--wash); border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
        .lane h2 { margin: 0 0 8px; font-size: 1rem; } .lane ol { margin: 0; padding-left: 1.2em; } .lane li { margin: 6px 0; }
        button, .button { font: inherit; padding: 6px 12px; border-radius: 6px; border: 1px solid var(--accent); background: var(--accent);
          color: var(--paper); cursor: pointer; text-decoration: none; display: inline-block; }
        button.quiet { background: transparent; color: var(--accent); }
        input[type=text], input[type=password], input[type=url], input[type=search], select, textarea { font: inherit; padding: 6px 8px;
          border: 1px solid var(--line); border-radius: 6px; background: var(--paper); color: var(--ink); max-width: 100%; }
        textarea { width: 100%; min-height: 8em; }
        label { display: block; margin: 10px 0 4px; font-weight: 600; }
        .inline { display: flex; flex-wrap: wrap; gap: 8px; align-items: end; } .inline label { margin: 0; }
        .error { border-left: 4px solid var(--bad); padding: 8px 12px; background: var(--wash); }
        .notice { border-left: 4px solid var(--ok); padding: 8px 12px; background: var(--wash); }
        .article-grid { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 28px; }
        .article-grid > * { min-width: 0; }
        @media (max-width: 820px) { .article-grid { grid-template-columns: 1fr; } }
        .card input[type=text], .comment input[type=text] { width: 100%; max-width: 36em; }
        .meta, .card h3, .evidence { overflow-wrap: anywhere; }
        .text p { margin: 0 0 1em; }
        .text a.claim { background: var(--claim); color: inherit; text-decoration: none; border-bottom: 2px solid #d4a600; }
        .text .technique { background: var(--technique); border-bottom: 2px dotted #7b3fb3; }
        .card { border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; margin: 0 0 14px; }
        .card:target { outline: 3px solid var(--accent); }
        .card h3 { font-size: 1rem; margin: 0 0 6px; font-weight: 600; }
        .label { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 13px; font-weight: 700; border: 1px solid currentColor; }
        .supported, .supports, .approved { color: var(--ok); } .refuted, .refutes, .rejected { color: var(--bad); }
        .mixed { color: var(--mixed); } .not_enough_info, .neutral, .unreviewed { color: var(--muted); }
        .evidence { margin: 8px 0; padding-left: 10px; border-left: 3px solid var(--line); font-size: 15px; }
        .flags span { margin-right: 4px; }
        details summary { cursor: pointer; }
        pre { white-space: pre-wrap; word-break: break-word; background: var(--wash); padding: 10px; border-radius: 6px; font-size: 13px; }
        .comment { border-bottom: 1px solid var(--line); padding: 10px 0; } .comment.reply { margin-left: 24px; }
        .comment .who { font-weight: 600; }
        """

    /// `GET /static/workbench.css`, cacheable for an hour.
    static func add(to router: Router<WorkbenchContext>) {
        router.get(RouterPath(stringLiteral: path)) { _, _ -> Response in
            Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(string: css)))
        }
    }
}

import Testing

@testable import CrosscheckKit

@Suite("HTML comments")
struct HTMLCommentTests {
    @Test func wordPressCommentList() throws {
        let html = String(decoding: try Fixtures.repositoryFile("Examples/harbour-bridge.html"), as: UTF8.self)
        let article = HTMLArticleExtractor().extract(html: html)
        #expect(article.comments.count == 8)
        let first = try #require(article.comments.first)
        #expect(first.id == "comment-101")
        #expect(first.author == "Theo Lindqvist")
        #expect(first.time == "2026-03-03T10:02:00-05:00")
        #expect(first.text.hasPrefix("I drive the bridge every day."))
        #expect(!first.text.contains("Reply"))
        #expect(article.comments[1].parent == "comment-101")
        #expect(article.comments[2].parent == nil)
        #expect(!article.text.contains("raises the stakes"), "comments must not leak into the body")
    }

    @Test func theStreamAroundTheCommentsIsNotOneOfThem() {
        let html = """
            <html><body><article><h1>Signallers walk out for 72 hours</h1>
            <p class="byline">By Anjali Brennan</p>
            <p>Signallers at the Calder operating centre began a 72-hour strike on Monday over rosters.</p></article>
            <section id="comments"><div id="stream" class="coral coral-stream"><p>Sign in to join the conversation</p>
            <div class="coral coral-comment" id="c-1"><span class="coral-username">RelayRoomRay</span>
            <time datetime="2026-03-10T08:02:00Z">2h</time><div class="coral-content">Twelve-hour shifts on a workstation are another thing entirely.</div>
            <div class="coral coral-comment coral-reply" id="c-2"><span class="coral-username">Em_Sturgess</span>
            <time datetime="2026-03-10T08:19:00Z">1h</time><div class="coral-content">This. The desk at peak is relentless.</div></div></div>
            <div class="coral coral-comment" id="c-3"><span class="coral-username">Phil Gaskin</span>
            <time datetime="2026-03-10T09:00:00Z">1h</time><div class="coral-content">Nobody wants a strike, but the rosters were agreed in 2019.</div></div>
            </div></section></body></html>
            """
        let article = HTMLArticleExtractor().extract(html: html)
        #expect(article.comments.map(\.author) == ["RelayRoomRay", "Em_Sturgess", "Phil Gaskin"])
        #expect(article.comments.map(\.parent) == [nil, "c-1", nil])
    }

    @Test func disqusPostsAndCamelCaseAuthorsBesideABadge() {
        let html = """
            <html><body><article><h1>Wind farm inquiry opens</h1><p>The inquiry into the Hollins Moor wind farm opened on Tuesday.</p></article>
            <div id="disqus_thread"><ul class="services"><li>D</li><li>f</li><li>X</li></ul><ul id="post-list" class="post-list">
            <li class="post" id="post-6412290101"><div class="post-content"><span class="author"><a href="#">Jean Ashby</a></span>
            <span class="post-meta"><span class="bullet time-ago-bullet">•</span><a class="time-ago" title="Saturday, March 14, 2026 7:14 AM">Mar 14, 2026, 7:14 AM</a></span>
            <div class="post-message"><p>At 180 metres these will be visible from every window.</p></div></div>
            <ul class="children"><li class="post" id="post-6412297733"><div class="post-content"><span class="author"><a href="#">Mark Dunstan</a></span>
            <div class="post-message"><p>The photomontages follow national guidance.</p></div></div></li></ul></li></ul></div>
            <div class="comment" id="comment-51822301"><span class="commentAuthor"><a href="#">Rosie Kettering</a></span>
            <span class="comment-badge comment-badge--author">Author</span><div class="comment-body"><p>Phase one stops at the footbridge.</p></div></div>
            </body></html>
            """
        let article = HTMLArticleExtractor().extract(html: html)
        #expect(article.comments.map(\.author) == ["Jean Ashby", "Mark Dunstan", "Rosie Kettering"])
        #expect(article.comments[1].parent == article.comments[0].id)
        #expect(article.comments[0].time?.hasPrefix("2026-03-14T07:14") == true, "\(article.comments[0])")
    }

    @Test func repliesListedAfterTheirParentRatherThanInsideIt() {
        let html = """
            <html><body><article><h1>Ferry route to the islands approved</h1><p class="byline">By Iona Fraser</p>
            <p>The regional council voted on Monday to fund a ferry route linking the harbour to three islands.</p></article>
            <section id="comments" class="comments"><h2>3 comments</h2><ul class="comment-list">
            <li><article class="comment" id="k-1"><header><a class="comment__author" href="#">Ailsa Crerar</a>
            <time datetime="2026-03-03T08:00:00Z">8am</time></header><div class="comment__body"><p>A year-round boat changes everything for the clinic runs.</p></div></article>
            <ul class="comment__replies"><li><article class="comment comment--reply" id="k-2"><header><a class="comment__author" href="#">Dougie Hart</a>
            <time datetime="2026-03-03T08:20:00Z">8.20am</time></header><div class="comment__body"><p>Twelve million of rates money, though.</p></div></article>
            <ul class="comment__replies"><li><article class="comment comment--reply" id="k-3"><header><a class="comment__author" href="#">Ailsa Crerar</a>
            <time datetime="2026-03-03T08:40:00Z">8.40am</time></header><div class="comment__body"><p>Over four years, for three islands.</p></div></article></li></ul>
            </li></ul></li>
            <li><article class="comment" id="k-4"><header><a class="comment__author" href="#">Fiona Bain</a>
            <time datetime="2026-03-03T09:00:00Z">9am</time></header><div class="comment__body"><p>What stops the fuel bills sinking this operator too?</p></div></article></li>
            </ul></section></body></html>
            """
        let article = HTMLArticleExtractor().extract(html: html)
        #expect(article.comments.map(\.author) == ["Ailsa Crerar", "Dougie Hart", "Ailsa Crerar", "Fiona Bain"])
        #expect(article.comments.map(\.parent) == [nil, "k-1", "k-2", nil])
    }

    @Test func aWidgetThatAbbreviatesCommentInItsClassNames() {
        let html = """
            <html><body><article><h1>Ferry route to the islands approved</h1><p class="byline">By Iona Fraser</p>
            <p>The regional council voted on Monday to fund a ferry route linking the harbour to three islands.</p></article>
            <div class="cmt-root"><div class="cmt-header"><span class="cmt-count">2 Comments</span></div>
            <div class="cmt-list">
            <div class="cmt-item" id="cmt-1" data-id="1"><div class="cmt-author">Ailsa Crerar</div>
            <div class="cmt-meta"><span class="cmt-time">3 hours ago</span></div><div class="cmt-text"><p>A winter boat changes everything.</p></div>
            <div class="cmt-actions"><a>Like</a> <a>Reply</a></div></div>
            <div class="cmt-item cmt-item--reply" id="cmt-2" data-id="2" data-parent="1"><div class="cmt-author">Dougie Hart</div>
            <div class="cmt-meta"><span class="cmt-time">2 hours ago</span></div><div class="cmt-text"><p>Twelve million of rates money, though.</p></div>
            <div class="cmt-actions"><a>Like</a> <a>Reply</a></div></div>
            </div></div></body></html>
            """
        let article = HTMLArticleExtractor().extract(html: html)
        #expect(article.comments.map(\.author) == ["Ailsa Crerar", "Dougie Hart"])
        #expect(article.comments.map(\.parent) == [nil, "cmt-1"])
        #expect(article.paragraphs == ["The regional council voted on Monday to fund a ferry route linking the harbour to three islands."])
    }

    @Test func aScreenReaderLabelIsNotPartOfTheByline() {
        let html = """
            <html><body><article><h1 class="entry-title">Allotments decision put off again</h1>
            <span class="byline"><span class="author vcard"><span class="screen-reader-text">Author </span> <a class="url fn n" href="/author/colm/">Colm Fitzgerald</a></span></span>
            <p>The planning committee deferred its decision on the Hollins Lane allotments for a second time on Thursday.</p>
            </article></body></html>
            """
        #expect(HTMLArticleExtractor().extract(html: html).byline == "Colm Fitzgerald")
    }

    @Test func aSectionNamedOnlyByItsHeadingIsReadAsCopiedText() throws {
        let article = try Fixtures.article("heading-comments.html")
        #expect(article.comments.map(\.author) == ["Marta Vidal", "Tom Reed", "Joanna Berg"])
        #expect(article.comments.map(\.time) == ["2h", "1h", "20m"])
        #expect(article.comments[1].text == "Four days is better than closing it altogether.")
        #expect(article.paragraphs.count == 2, "comments must not leak into the body: \(article.paragraphs)")
    }

    @Test func aTimeInAnElementOfItsOwnIsTheCommentsTime() throws {
        let article = try Fixtures.article("discussion-posts.html")
        #expect(article.comments.map(\.author) == ["harbourwatcher", "Island Mum"])
        #expect(article.comments.map(\.time) == ["2h", "45m"])
        #expect(article.comments.map(\.text) == ["Every winter the same story.", "My kids take that ferry to school every morning."])
    }

    @Test func sidebarCommentsWithGenericMarkup() throws {
        let article = try Fixtures.article("sidebar-comments.html")
        #expect(article.comments.map(\.id) == ["c-9001", "c-9002", "c-9003"])
        #expect(article.comments.map(\.author) == ["Ana", "Ben", "Cy"])
        #expect(article.comments[0].text == "Finally! I can go after work now.")
        #expect(article.comments[0].time == "2026-02-01T18:20:00Z")
        #expect(article.comments[1].parent == "c-9001")
    }

    @Test func schemaOrgMicrodataComments() throws {
        let article = try Fixtures.article("microdata-comments.html")
        #expect(article.comments.count == 2)
        #expect(article.comments[0].id == "note-1")
        #expect(article.comments[0].author == "Island Resident")
        #expect(article.comments[0].time == "2026-03-20T07:45:00Z")
        #expect(article.comments[0].text == "Good news, the detour via the mainland bridge took two hours.")
        #expect(article.comments[1].author == "Kai")
        #expect(article.comments[1].parent == "note-1")
        #expect(article.comments[1].text == "Two hours on a good day!")
    }

    @Test func commentsWithoutIDsAreNumbered() {
        let html = """
            <html><body><article><p>A body paragraph that is long enough to be read as the article text.</p></article>
            <section class="comments"><h2>2 comments</h2>
            <div class="c"><b class="name">Al</b><p>First!</p></div>
            <div class="c"><b class="name">Bo</b><p>Second one here.</p></div></section></body></html>
            """
        let article = HTMLArticleExtractor().extract(html: html)
        #expect(article.comments.map(\.id) == ["c1", "c2"])
        #expect(article.comments.map(\.text) == ["First!", "Second one here."])
        #expect(article.comments.map(\.author) == ["Al", "Bo"])
    }

    @Test func pageWithoutCommentsHasNone() throws {
        #expect(try Fixtures.article("furniture.html").comments.isEmpty)
        let html =
            "<html><body><article><p>Body text long enough for the extractor to take it as the article.</p></article><div class='comment-count'>0 comments</div></body></html>"
        #expect(HTMLArticleExtractor().extract(html: html).comments.isEmpty)
    }

    @Test func theSectionAroundTheCommentsIsNotTheArticleAndTheStandfirstIs() {
        let html = """
            <html><body><main><div class="story">
            <h1>Mill Lane footbridge to close after inspectors find cracks</h1>
            <p class="story-dek">Repairs will take until the spring.</p>
            <div class="story-body">
            <p>The county will close the Mill Lane footbridge on Monday after inspectors found cracks in two of its beams, the highways department said.</p>
            <blockquote class="pull-quote">We cannot keep a bridge open that we know is weakening.</blockquote>
            <p>"We cannot keep a bridge open that we know is weakening," said the department's director, Ruth Okonjo, on Friday evening.</p>
            </div></div>
            <section class="responses">
            <h2>2 Responses</h2>
            <p>Responses are the opinions of readers, not of the Valley Courier, and are read before they appear.</p>
            <ol>
            <li class="response"><cite>Hannah Iverson</cite> <time datetime="2026-12-01T19:42:00-05:00">7:42 p.m.</time><p>About time, the railing has been loose for years.</p></li>
            <li class="response"><cite>Tomasz Wrobel</cite> <time datetime="2026-12-01T20:15:00-05:00">8:15 p.m.</time><p>Where is the detour going to be signed?</p></li>
            </ol>
            </section></main></body></html>
            """
        let article = HTMLArticleExtractor().extract(html: html)
        #expect(article.comments.map(\.author) == ["Hannah Iverson", "Tomasz Wrobel"])
        #expect(article.paragraphs.count == 3, "\(article.paragraphs)")
        #expect(article.paragraphs.first == "Repairs will take until the spring.")
        #expect(!article.text.contains("opinions of readers"))
    }

    @Test func blocksWithATimeUnderAHeadingThatNamesNoCommentsInMarkup() {
        let html = """
            <html><body><main>
            <h1>Mill Lane footbridge to close after inspectors find cracks</h1>
            <div class="story-body"><p>The county will close the Mill Lane footbridge on Monday after inspectors found cracks in two of its beams, the highways department said.</p>
            <p>A detour over the Station Road bridge adds about ten minutes to the walk, the department said.</p></div>
            <section id="talk">
            <h3>Join the chat <span>(3)</span></h3>
            <p>Keep it kind. Posts are read by our moderators before they appear.</p>
            <div class="cmt"><b>Hannah Iverson</b> <small>3 Dec 2026 09:14</small><p>About time, the railing has been loose for years.</p>
            <span>Reply · Flag · ♥ 14</span>
            <blockquote><div class="cmt"><b>Tomasz Wrobel</b> <small>3 Dec 2026 10:02</small><p>It was fixed in 2019 and came loose again.</p></div></blockquote>
            </div>
            <div class="cmt"><b>Priya Raman</b> <small>3 Dec 2026 11:47</small><p>Where is the detour going to be signed?</p></div>
            </section></main></body></html>
            """
        let article = HTMLArticleExtractor().extract(html: html)
        #expect(article.comments.map(\.author) == ["Hannah Iverson", "Tomasz Wrobel", "Priya Raman"])
        #expect(article.comments.map(\.time) == ["2026-12-03T09:14:00Z", "2026-12-03T10:02:00Z", "2026-12-03T11:47:00Z"])
        #expect(article.comments[1].parent == article.comments[0].id)
        #expect(article.comments[0].text == "About time, the railing has been loose for years.")
        #expect(article.paragraphs.count == 2, "\(article.paragraphs)")
    }

    @Test func aTableOfReaderRowsUnderItsHeading() {
        let html = """
            <html><body><div class="col">
            <h1>Mill Lane footbridge to close after inspectors find cracks</h1>
            <p>The county will close the Mill Lane footbridge on Monday after inspectors found cracks in two of its beams, the highways department said.</p>
            <h2>Reader Feedback</h2>
            <table><thead><tr><th>Reader</th><th>Comment</th><th>Posted</th></tr></thead><tbody>
            <tr><td class="who">Hannah Iverson</td><td>About time, the railing has been loose for years.</td><td><time datetime="2026-12-04T07:41:00-06:00">Dec 4, 7:41 am</time></td></tr>
            <tr><td class="who">walker on Elm</td><td>Where is the detour going to be signed?</td><td><time datetime="2026-12-04T09:15:00-06:00">Dec 4, 9:15 am</time></td></tr>
            </tbody><tfoot><tr><td colspan="3">Post a comment · Page 1 of 1</td></tr></tfoot></table>
            </div></body></html>
            """
        let article = HTMLArticleExtractor().extract(html: html)
        #expect(article.comments.map(\.author) == ["Hannah Iverson", "walker on Elm"])
        #expect(article.comments.map(\.time) == ["2026-12-04T07:41:00-06:00", "2026-12-04T09:15:00-06:00"])
        #expect(article.comments[1].text == "Where is the detour going to be signed?")
    }

    @Test func microformatRepliesNameTheCommentTheyAnswer() {
        let html = """
            <html><body><main><article class="h-entry">
            <h1 class="p-name">Mill Lane footbridge to close after inspectors find cracks</h1>
            <div class="e-content"><p>The county will close the Mill Lane footbridge on Monday after inspectors found cracks in two of its beams, the highways department said.</p></div>
            </article>
            <section class="comments"><ol>
            <li class="h-entry p-comment" id="c1"><a class="p-author h-card" href="/r/1"><span class="p-name">Hannah Iverson</span></a>
            <time class="dt-published" datetime="2026-12-02T19:02:00-05:00">7:02 p.m.</time><p class="e-content">About time, the railing is loose.</p></li>
            <li class="h-entry p-comment" id="c2"><a class="p-author h-card" href="/r/2"><span class="p-name">Tomasz Wrobel</span></a>
            <time class="dt-published" datetime="2026-12-02T20:15:00-05:00">8:15 p.m.</time>
            <span>in reply to <a class="u-in-reply-to" href="#c1">Hannah Iverson</a></span><p class="e-content">It was fixed in 2019.</p></li>
            </ol></section></main></body></html>
            """
        let article = HTMLArticleExtractor().extract(html: html)
        #expect(article.comments.map(\.author) == ["Hannah Iverson", "Tomasz Wrobel"])
        #expect(article.comments[1].parent == article.comments[0].id)
    }

    @Test func theInnermostNameAndTextAndRepliesByCommentNumber() {
        let html = """
            <html><body><main><article>
            <h1>Mill Lane footbridge to close after inspectors find cracks</h1>
            <p>The county will close the Mill Lane footbridge on Monday after inspectors found cracks in two of its beams, the highways department said.</p>
            </article>
            <section class="comments"><h2>Comments</h2>
            <div class="comment" id="c9101" data-comment-id="9101"><article class="comment__body">
            <header><span class="comment__avatar" aria-hidden="true">HI</span>
            <div class="comment__author"><strong class="comment__name">Hannah Iverson</strong>, <span class="comment__role">Bridge engineer</span></div>
            <time datetime="2026-12-02T19:02:00Z">7:02 p.m.</time></header>
            <div class="comment__content"><p>About time, the railing is loose.</p></div></article></div>
            <div class="comment" id="c9102" data-comment-id="9102" data-parent-id="9101"><article class="comment__body">
            <header><span class="comment__avatar" aria-hidden="true">TW</span>
            <div class="comment__author"><strong class="comment__name">Tomasz Wrobel</strong>, <span class="comment__role">Resident</span></div>
            <time datetime="2026-12-02T20:15:00Z">8:15 p.m.</time></header>
            <div class="comment__content"><p>It was fixed in 2019.</p></div></article></div>
            </section></main></body></html>
            """
        let article = HTMLArticleExtractor().extract(html: html)
        #expect(article.comments.map(\.author) == ["Hannah Iverson", "Tomasz Wrobel"], "the name, not the name and role")
        #expect(article.comments.map(\.text) == ["About time, the railing is loose.", "It was fixed in 2019."], "no avatar initials")
        #expect(article.comments[1].parent == article.comments[0].id)
    }

    @Test func aWidgetThatNamesCommentsBehindItsOwnPrefix() {
        let html = """
            <html><body><article><h1>Library to open on Sundays from May</h1>
            <div class="byline"><span class="byline__name">Ines Moreau</span><span class="byline__title">Education Reporter</span></div>
            <p>The town library will open on Sunday afternoons from May, the council said on Tuesday.</p></article>
            <section id="talk" class="zz-root"><h2>Conversation <span>3</span></h2>
            <a class="zz-btn" href="/login">Sign in to comment</a>
            <ul class="zz-list"><li class="zz-thread">
            <div class="zz-comment" id="zz-1"><div class="zz-comment__avatar">PL</div><div class="zz-comment__head">
            <span class="zz-comment__author">Paul Lemaire</span><span class="zz-badge">Verified subscriber</span>
            <time datetime="2026-03-10T08:02:00Z">1 day ago</time></div>
            <div class="zz-comment__body"><p>Sunday is the only day my shift lets me take the kids.</p></div>
            <div class="zz-comment__actions"><button>Like 4</button><button>Reply</button></div></div>
            <ul class="zz-replies"><li class="zz-thread">
            <div class="zz-comment zz-comment--reply" id="zz-2"><div class="zz-comment__head">
            <span class="zz-comment__author">Nadia Okoro</span><time datetime="2026-03-10T09:00:00Z">1 day ago</time></div>
            <div class="zz-comment__body"><p>Same here, weekdays are impossible.</p></div></div></li></ul></li>
            <li class="zz-thread"><div class="zz-comment" id="zz-3"><div class="zz-comment__head">
            <span class="zz-comment__author">Rob Tait</span><time datetime="2026-03-10T10:00:00Z">1 day ago</time></div>
            <div class="zz-comment__body"><p>Who pays the extra staff hours?</p></div></div></li></ul>
            <div class="post-comment"><p>Write your comment here</p></div>
            </section></body></html>
            """
        let article = HTMLArticleExtractor().extract(html: html)
        #expect(article.comments.map(\.author) == ["Paul Lemaire", "Nadia Okoro", "Rob Tait"], "a form that posts a comment is not one")
        #expect(article.comments.map(\.parent) == [nil, "zz-1", nil])
        #expect(article.comments.first?.text == "Sunday is the only day my shift lets me take the kids.")
        #expect(article.byline == "Ines Moreau, Education Reporter", "the role beside the name in the byline is the writer's title")
    }

    @Test func commentsWhoseMarkupNeverSaysCommentUnderAHeadingInABoxOfItsOwn() {
        let html = """
            <html><body><article><h1>Night buses return to the ring road</h1>
            <p>Night buses will run on the ring road again from June, the transport authority said.</p></article>
            <section class="qv-say"><div class="qv-say__top"><h2>Have your say <span>(3)</span></h2>
            <p class="qv-say__rules">Please be civil. Posts are checked after they go up.</p>
            <div class="qv-say__order">Order: <a href="?o=new">Newest</a> <a href="?o=old">Oldest</a></div></div>
            <ol class="qv-say__list">
            <li class="qv-post" id="post-7"><div class="qv-post__head"><span class="qv-post__pic">GA</span>
            <a class="qv-post__who" href="/u/7">Greta Aalto</a><time datetime="2026-04-02">2 hours ago</time></div>
            <div class="qv-post__words"><p>Finally. Getting home from the late shift has meant a taxi every night.</p></div>
            <div class="qv-post__acts"><button>Reply</button><button>Like 12</button></div>
            <ol class="qv-post__answers"><li class="qv-post" id="post-8"><div class="qv-post__head">
            <a class="qv-post__who" href="/u/8">Colm Byrne</a><time datetime="2026-04-02">1 hour ago</time></div>
            <div class="qv-post__words"><p>Same on the hospital rota.</p></div></li></ol></li>
            <li class="qv-post" id="post-9"><div class="qv-post__head"><a class="qv-post__who" href="/u/9">Ines Duarte</a>
            <time datetime="2026-04-02">40 minutes ago</time></div>
            <div class="qv-post__words"><p>Which routes exactly? The notice only lists two.</p></div></li></ol></section>
            </body></html>
            """
        let article = HTMLArticleExtractor().extract(html: html)
        #expect(article.comments.map(\.author) == ["Greta Aalto", "Colm Byrne", "Ines Duarte"])
        #expect(article.comments.map(\.parent) == [nil, "post-7", nil])
        #expect(article.paragraphs == ["Night buses will run on the ring road again from June, the transport authority said."])
    }

    @Test func aReplyNamesItsParentByALinkOrByAWidgetsOwnAttribute() {
        let html = """
            <html><body><article><h1>Pool to close for repairs over summer</h1>
            <p>The leisure centre pool will close for ten weeks this summer while its roof is repaired.</p></article>
            <div class="comments">
            <div class="comment" id="k-31"><strong class="who">Ravi Menon</strong><span class="when">3 May 2026 at 8:05 am</span>
            <div class="words"><p>Ten weeks in the school holidays is the worst possible timing.</p></div></div>
            <div class="comment" id="k-32"><strong class="who">Beth Carr</strong><span class="when">3 May 2026 at 9:10 am</span>
            <div class="reply-note">In reply to <a href="#k-31">Ravi Menon</a></div>
            <div class="words"><p>The roof will not wait for September though.</p></div></div>
            <div class="comment" id="k-33" data-yb-id="a77" data-yb-parent="k-32"><strong class="who">Ravi Menon</strong>
            <span class="when">3 May 2026 at 9:40 am</span><div class="words"><p>Fair point, but they knew about it last year.</p></div></div>
            </div></body></html>
            """
        let article = HTMLArticleExtractor().extract(html: html)
        #expect(article.comments.map(\.author) == ["Ravi Menon", "Beth Carr", "Ravi Menon"])
        #expect(article.comments.map(\.parent) == [nil, "k-31", "k-32"])
        #expect(article.comments[1].text == "The roof will not wait for September though.", "the reply line is not the comment's text")
    }
}

import Testing

@testable import CrosscheckKit

@Suite("What a moderator can point at in spam")
struct PromotionCuesTests {
    @Test func aCallToActIsFoundAsWholeWords() {
        #expect(PromotionCues.cues("Subscribe to my channel for more tips!").contains("“subscribe”"))
        #expect(PromotionCues.cues("Sign up today, click the link in my profile").contains("“click”"))
    }

    @Test func sayingWhatOneDidIsNoCall() {
        #expect(PromotionCues.cues("Love this newsletter, so glad I subscribed. Keep up the great work!").isEmpty)
        #expect(PromotionCues.cues("I signed up for the consultation and clicked through every page of it.").isEmpty)
    }
}

/// Comments that would fit under any article, written for the project as reference points in
/// meaning: a comment closer to these than to its own article says nothing about the article.
/// They are compared by the sentence encoder, not matched as phrases.
enum GenericComments {
    static let prototypes = [
        "Great article, thanks for sharing.",
        "Very informative read, I learned a lot.",
        "Thank you for writing this, really helpful.",
        "Interesting piece, keep up the good work.",
        "Well written and well researched.",
        "Nice post, looking forward to more like this.",
        "I totally agree with everything said here.",
        "This is so true, couldn't have said it better.",
        "Wow, what a story. Thanks for the update.",
        "Excellent reporting as always.",
        "We will have to wait and see how this plays out.",
        "Time will tell what happens next.",
        "This situation deserves more attention from everyone.",
        "Let's keep an eye on how things develop from here.",
        "Things like this affect all of us in one way or another.",
        "There are many sides to consider in a story like this.",
        "It is important that people stay informed about this.",
        "Important topic, everyone should read this.",
        "Such an important issue for our society today.",
        "Hope everything works out for the best.",
        "Praying for everyone affected.",
        "Sad to see this happening.",
        "This is really concerning news.",
        "What a time to be alive.",
        "I have mixed feelings about this.",
        "Can't believe this is happening.",
        "Good news at last!",
        "Everyone needs to see this.",
        "The future will show whether this was the right call.",
        "Balanced coverage, appreciate the effort that went into this.",
    ]
}

import ArgumentParser

struct Users: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage the people who use the server, and their API tokens.",
        discussion: """
            The first admin is made here, never by a default password:
              crosscheck users add ana --role admin
              crosscheck users token ana        # prints a token once; send it as Authorization: Bearer TOKEN
            Roles: viewer (reads), analyst (submits and reviews), editor (publishes), admin (people and settings).
            """,
        subcommands: [UsersAdd.self, UsersList.self, UsersRemove.self, UsersToken.self, UsersRevoke.self]
    )
}

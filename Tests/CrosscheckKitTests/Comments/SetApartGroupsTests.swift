import Testing

@testable import CrosscheckKit

@Suite("Comments that stand apart as one group")
struct SetApartGroupsTests {
    /// Symmetric neighbour lists from pairs.
    func neighbours(_ count: Int, _ pairs: [(Int, Int, Double)]) -> [[(index: Int, similarity: Double)]] {
        var lists = [[(index: Int, similarity: Double)]](repeating: [], count: count)
        for (a, b, similarity) in pairs {
            lists[a].append((b, similarity))
            lists[b].append((a, similarity))
        }
        return lists
    }

    @Test func threeAccountsNearerEachOtherThanAnyoneElseAreOneGroup() {
        let lists = neighbours(5, [(0, 2, 0.62), (0, 4, 0.58), (2, 4, 0.6), (1, 2, 0.47), (3, 4, 0.4)])
        let groups = SetApartGroups.find(
            neighbours: lists, authors: ["a", "b", "c", "d", "e"], floor: 0.5, margin: 0.05, apart: { _, _ in false })
        #expect(groups == [[0, 2, 4]])
    }

    @Test func aGroupThatDoesNotStandApartFromTheDiscussionIsNone() {
        // Comment 2 is as near a fourth comment as to the group's least alike member.
        let lists = neighbours(5, [(0, 2, 0.62), (0, 4, 0.58), (2, 4, 0.6), (1, 2, 0.57)])
        let groups = SetApartGroups.find(
            neighbours: lists, authors: ["a", "b", "c", "d", "e"], floor: 0.5, margin: 0.05, apart: { _, _ in false })
        #expect(groups.isEmpty)
    }

    @Test func oneAccountTwiceOrAReplyIsNeverAGroup() {
        let lists = neighbours(3, [(0, 1, 0.7), (0, 2, 0.7), (1, 2, 0.7)])
        #expect(
            SetApartGroups.find(neighbours: lists, authors: ["a", "a", "c"], floor: 0.5, margin: 0.05, apart: { _, _ in false })
                .isEmpty)
        #expect(
            SetApartGroups.find(
                neighbours: lists, authors: ["a", "b", "c"], floor: 0.5, margin: 0.05, apart: { $0 == 0 && $1 == 2 }
            ).isEmpty)
        #expect(
            SetApartGroups.find(neighbours: lists, authors: ["a", "b", "c"], floor: 0.75, margin: 0.05, apart: { _, _ in false })
                .isEmpty)
    }

    @Test func fourAccountsAreOneGroupWhenTheyStandApartTogether() {
        let lists = neighbours(
            6, [(0, 1, 0.6), (0, 2, 0.55), (0, 3, 0.52), (1, 2, 0.58), (1, 3, 0.53), (2, 3, 0.6), (3, 4, 0.3), (5, 0, 0.2)])
        let groups = SetApartGroups.find(
            neighbours: lists, authors: ["a", "b", "c", "d", "e", "f"], floor: 0.5, margin: 0.05, apart: { _, _ in false })
        #expect(groups == [[0, 1, 2, 3]])
    }
}

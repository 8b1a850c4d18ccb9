import Testing
import WardInterface

struct AllowListTests {
    @Test func networksAndSingleAddresses() throws {
        let list = try AllowList(["10.20.0.0/16", "192.0.2.7", "fd00::/8", "172.16.0.0/12"])
        for ok in ["10.20.0.1", "10.20.255.255", "192.0.2.7", "fd12::1", "172.31.255.1", "::ffff:10.20.3.4"] { #expect(list.allows(ok), "\(ok)") }
        for no in ["10.21.0.1", "192.0.2.8", "fe80::1", "172.32.0.1", "127.0.0.1", "not an address", ""] { #expect(!list.allows(no), "\(no)") }
        #expect(AllowList.loopback.allows("127.0.0.2") && AllowList.loopback.allows("::1") && !AllowList.loopback.allows("10.0.0.1"))
        #expect(try AllowList(["0.0.0.0/0"]).allows("203.0.113.9"))
    }

    @Test func badEntriesSayWhatIsWrong() {
        for bad in ["10.0.0.0/33", "host.example", "10.0.0.0/-1", "::/129", "1.2.3"] {
            #expect(throws: AllowListError.self, "\(bad)") { try AllowList([bad]) }
        }
    }
}

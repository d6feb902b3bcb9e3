import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import SEP12

/// Multipart `PUT /kyc/customer` and `POST`/`GET /kyc/customer/files`: files are streamed to the host's directory,
/// the plugin gets ids only, and uploads past `maxFileBytes` are 413.
@Suite struct FileUploadTests {
    @Test func multipartPutWithAFiveMegabytePhoto() async throws {
        try await SEP12Fixture.with { fixture, wallet in
            let response = try await wallet.call(.put, "/kyc/customer", sub: Accounts.alice, multipart: [
                .text("first_name", "Ana"), .text("email_address", "ana@example.com"), .file("photo_id_front", bytes: 5 << 20),
            ])
            #expect(response.status == .accepted, "\(String(buffer: response.body))")
            let id = try #require(try response.object()["id"] as? String)
            let put = try #require(fixture.hooks.puts.withLock { $0.last })
            let file = try #require(put.files["photo_id_front"])
            #expect(file.size == 5 << 20)
            #expect(file.contentType == "image/jpeg")
            #expect(put.fields == ["first_name": "Ana", "email_address": "ana@example.com"])
            let onDisk = try FileManager.default.attributesOfItem(atPath: fixture.directory.appendingPathComponent("\(file.fileID).bin").path)
            #expect((onDisk[.size] as? Int) == 5 << 20)
            let status = try await wallet.call(.get, "/kyc/customer", sub: Accounts.alice)
            #expect(try status.object()["status"] as? String == "ACCEPTED")
            let listed = try await wallet.call(.get, "/kyc/customer/files?customer_id=\(id)", sub: Accounts.alice)
            let files = try #require(try listed.object()["files"] as? [[String: Any]])
            #expect(files.map { $0["file_id"] as? String } == [file.fileID])
        }
    }

    @Test func aFileOverTheLimitIs413AndLeavesNothing() async throws {
        try await SEP12Fixture.with(maxFileBytes: 1 << 20) { fixture, wallet in
            let response = try await wallet.call(.put, "/kyc/customer", sub: Accounts.alice, multipart: [
                .text("first_name", "Ana"), .file("photo_id_front", bytes: (1 << 20) + 1),
            ])
            #expect(response.status == .contentTooLarge)
            #expect(fixture.hooks.puts.withLock { $0.isEmpty })
            let left = (try? FileManager.default.contentsOfDirectory(atPath: fixture.directory.path)) ?? []
            #expect(left.isEmpty)
            let upload = try await wallet.call(.post, "/kyc/customer/files", sub: Accounts.alice, multipart: [.file("file", bytes: (1 << 20) + 1)])
            #expect(upload.status == .contentTooLarge)
        }
    }

    @Test func unknownBinaryFieldIs400() async throws {
        try await SEP12Fixture.with { _, wallet in
            let response = try await wallet.call(.put, "/kyc/customer", sub: Accounts.alice, multipart: [.file("selfie_video", bytes: 10)])
            #expect(response.status == .badRequest)
        }
    }

    @Test func uploadThenReferenceByFileID() async throws {
        try await SEP12Fixture.with { fixture, wallet in
            let upload = try await wallet.call(.post, "/kyc/customer/files", sub: Accounts.alice, multipart: [.file("file", bytes: 1000)])
            #expect(upload.status == .ok)
            let object = try upload.object()
            let fileID = try #require(object["file_id"] as? String)
            #expect(object["size"] as? Int == 1000)
            #expect(object["content_type"] as? String == "image/jpeg")
            // Bob cannot see or use Alice's file.
            let peek = try await wallet.call(.get, "/kyc/customer/files?file_id=\(fileID)", sub: Accounts.bob)
            #expect(peek.status == .ok)
            #expect((try peek.object()["files"] as? [Any])?.isEmpty == true)
            let steal = try await wallet.call(.put, "/kyc/customer", sub: Accounts.bob, json: ["photo_id_front_file_id": fileID])
            #expect(steal.status == .badRequest)
            let use = try await wallet.call(.put, "/kyc/customer", sub: Accounts.alice, json: ["photo_id_front_file_id": fileID])
            #expect(use.status == .accepted)
            #expect(fixture.hooks.puts.withLock { $0.last?.files["photo_id_front"]?.fileID } == fileID)
            let own = try await wallet.call(.get, "/kyc/customer/files?file_id=\(fileID)", sub: Accounts.alice)
            #expect((try own.object()["files"] as? [Any])?.count == 1)
            let missing = try await wallet.call(.get, "/kyc/customer/files", sub: Accounts.alice)
            #expect(missing.status == .badRequest)
            // DELETE erases the customer's uploads with the rest of their data.
            _ = try await wallet.call(.delete, "/kyc/customer/\(Accounts.alice)", sub: Accounts.alice)
            let gone = try await wallet.call(.get, "/kyc/customer/files?file_id=\(fileID)", sub: Accounts.alice)
            #expect((try gone.object()["files"] as? [Any])?.isEmpty == true)
        }
    }
}

import CapstanCore
@testable import CapstanPluginHost
import CapstanStore
import CapstanTesting
import Foundation
import Logging
import Testing
@testable import CapstanWorkers

/// The outgoing workers through the real plugin host: a C rails plugin, dlopened, called over the C ABI.
@Suite struct PluginRailsTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    /// A rails plugin: the first payout answers TRANSIENT, later ones pay and echo the idempotency key as the
    /// external id; payout polls settle every transaction asked about.
    static let source = #"""
    #include "capstan_plugin.h"
    #include <stdatomic.h>
    #include <stdio.h>
    #include <string.h>

    static atomic_int payouts;

    static int32_t send_payout(void *instance, const capstan_call *call) {
        (void)instance;
        if (atomic_fetch_add(&payouts, 1) == 0) {
            static const char busy[] = "{\"error\": \"bank busy\"}";
            call->reply(call, (const uint8_t *)busy, sizeof busy - 1);
            return CAPSTAN_TRANSIENT;
        }
        char reply[512];
        int n = snprintf(reply, sizeof reply, "{\"status\": \"pending_external\", \"external_transaction_id\": \"%s\"}",
                         call->idempotency_key ? call->idempotency_key : "none");
        call->reply(call, (const uint8_t *)reply, (size_t)n);
        return CAPSTAN_OK;
    }

    static int32_t poll_payouts(void *instance, const capstan_call *call) {
        (void)instance;
        char request[8192];
        size_t len = call->request_len < sizeof request - 1 ? call->request_len : sizeof request - 1;
        memcpy(request, call->request, len);
        request[len] = 0;
        const char *id = strstr(request, "\"id\":\"");
        if (!id) return CAPSTAN_FATAL;
        id += 6;
        const char *end = strchr(id, '"');
        if (!end) return CAPSTAN_FATAL;
        char reply[512];
        int n = snprintf(reply, sizeof reply, "{\"completed\": [{\"id\": \"%.*s\", \"external_transaction_id\": \"settled\"}]}",
                         (int)(end - id), id);
        call->reply(call, (const uint8_t *)reply, (size_t)n);
        return CAPSTAN_OK;
    }

    static int32_t rails_init(const capstan_host_api *host, const uint8_t *config, size_t len, void **instance_out) {
        (void)host; (void)config; (void)len;
        *instance_out = NULL;
        return CAPSTAN_OK;
    }

    static void rails_shutdown(void *instance) { (void)instance; }

    static const capstan_hooks hooks = {
        .struct_size = sizeof(capstan_hooks),
        .rails_send_payout = send_payout,
        .rails_poll_payouts = poll_payouts,
    };

    static const capstan_plugin plugin = {
        .magic = CAPSTAN_PLUGIN_MAGIC, .struct_size = sizeof(capstan_plugin),
        .abi_major = CAPSTAN_PLUGIN_ABI_MAJOR, .abi_minor = CAPSTAN_PLUGIN_ABI_MINOR,
        .flags = 0, .name = "testrails", .version = "1.0.0",
        .init = rails_init, .shutdown = rails_shutdown, .hooks = &hooks,
    };

    __attribute__((visibility("default"))) const capstan_plugin *capstan_plugin_entry(void) { return &plugin; }
    """#

    static func build(in directory: String) async throws -> String {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let file = directory + "/testrails.c"
        try Self.source.write(toFile: file, atomically: true, encoding: .utf8)
        let output = directory + "/libtestrails.so"
        try await BuildStep.run(
            ["cc", "-shared", "-fPIC", "-std=c11", "-Wall", "-Werror", "-I", Self.repositoryRoot + "/Sources/CCapstanPlugin/include", "-o", output, file])
        return output
    }

    @Test func payoutRetriedThroughThePluginWithTheSameKeyThenSettled() async throws {
        try await WorkerFixture.with { fixture in
            let directory = NSTemporaryDirectory() + "capstan-rails-\(UUID().uuidString)"
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let library = try await Self.build(in: directory + "/lib")
            var logger = Logger(label: "capstan.plugins.tests")
            logger.logLevel = .critical
            let host = await PluginHost.load(
                PluginHostConfiguration(paths: [library], runtimeDirectory: directory + "/runtime"),
                keyValueStore: fixture.store.pluginKeyValues, logger: logger)
            #expect(host.refusals.isEmpty)
            var context = fixture.context(workerID: "outgoing")
            context.rails = PluginRails(host: host, assets: fixture.store.assets)

            let withdrawal = CapstanCore.Transaction(
                kind: .withdrawal, protocol: .sep24, sub: "GUSER", assetCode: WorkerFixture.code, status: .pendingAnchor, startedAt: Date.now,
                amountIn: Amount("50"), amountOut: Amount("49.5"), stellarTransactionID: "ab12", to: "bank-account-1")
            try await fixture.store.transactions.insert(withdrawal)
            let worker = PayoutWorker(context: context, backoff: CallbackBackoff(base: .zero, maximum: .zero))
            try await worker.runOnce()                                      // TRANSIENT: still waiting
            #expect(try await fixture.reload(withdrawal).status == .pendingAnchor)
            try await worker.runOnce()
            let sent = try await fixture.reload(withdrawal)
            #expect(sent.status == .pendingExternal)
            #expect(sent.externalTransactionID == "payout:\(withdrawal.id):1")   // the key reached the plugin

            try await PayoutPoller(context: context).runOnce()
            let done = try await fixture.reload(withdrawal)
            #expect(done.status == .completed && done.externalTransactionID == "settled")

            // Hooks no plugin implements are `unimplemented`, which the workers treat as "nothing to do".
            await #expect(throws: RailsError.unimplemented) { _ = try await context.rails.pollDeposits([withdrawal]) }
            await host.shutdown()
        }
    }

    @Test func pluginErrorsMapToRetryOrFail() {
        #expect(PluginRails.railsError(.transient(message: "x")) == .transient("x"))
        #expect(PluginRails.railsError(.deadlineExceeded) == .transient("the rails plugin did not answer in time"))
        #expect(PluginRails.railsError(.fatal(message: "closed")) == .fatal("closed"))
        #expect(PluginRails.railsError(.invalid(message: "bad iban", fields: [:])) == .fatal("bad iban"))
        #expect(PluginRails.railsError(.unimplemented) == .unimplemented)
    }
}

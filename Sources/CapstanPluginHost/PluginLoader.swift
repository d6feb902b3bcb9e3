#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CCapstanPlugin

/// Opens one plugin file and checks it against ABI v1, in the order `capstan_plugin.h` promises:
/// shared object, entry symbol, non-NULL descriptor, magic, ABI major, struct sizes, name.
///
/// The file is first copied to `<runtime directory>/<sha256>.so` and the copy is opened: dlopen
/// de-duplicates by path, so a later hot upgrade can load a new build beside the old one, and an
/// operator overwriting the original cannot corrupt a mapped image.
struct PluginLoader {
    let runtimeDirectory: String

    static let descriptorSize = MemoryLayout<capstan_plugin>.size
    static let hooksSize = MemoryLayout<capstan_hooks>.size

    /// The `*.so` files of `directory` sorted by file name, then `paths` in the given order.
    static func pluginFiles(directory: String?, paths: [String]) -> [String] {
        var files: [String] = []
        if let directory, let names = try? FileManager.default.contentsOfDirectory(atPath: directory) {
            let base = directory.hasSuffix("/") ? directory : directory + "/"
            files = names.filter { $0.hasSuffix(".so") }.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
                .map { base + $0 }
        }
        for path in paths where !files.contains(path) { files.append(path) }
        return files
    }

    /// Must run on a host plugin thread: dlopen runs the library's constructors.
    func open(_ path: String) -> Result<PluginCandidate, PluginLoadError> {
        func refuse(_ reason: String) -> Result<PluginCandidate, PluginLoadError> { .failure(PluginLoadError(path: path, reason: reason)) }

        guard let data = FileManager.default.contents(atPath: path) else { return refuse("cannot read file") }
        let bytes = [UInt8](data)
        let sha256 = SHA256.hex(bytes)
        let copy: String
        switch self.copyToRuntime(data, sha256: sha256) {
        case .success(let copyPath): copy = copyPath
        case .failure(let reason): return refuse(reason.text)
        }

        guard let handle = dlopen(copy, RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE) else {
            return refuse("not a loadable shared object (\(Self.shortDLError(copy: copy)))")
        }
        guard let symbol = dlsym(handle, CAPSTAN_PLUGIN_ENTRY_SYMBOL) else {
            dlclose(handle)
            return refuse("missing entry symbol '\(CAPSTAN_PLUGIN_ENTRY_SYMBOL)'")
        }
        typealias Entry = @convention(c) () -> UnsafeRawPointer?
        guard let raw = unsafeBitCast(symbol, to: Entry.self)() else {
            dlclose(handle)
            return refuse("\(CAPSTAN_PLUGIN_ENTRY_SYMBOL) returned NULL")
        }
        switch Self.check(raw) {
        case .success(let checked):
            return .success(PluginCandidate(
                path: path, sha256: sha256, name: checked.name, version: checked.version,
                abiMajor: checked.abiMajor, abiMinor: checked.abiMinor, serial: checked.serial, hooks: checked.hooks,
                initFunction: checked.initFunction, shutdownFunction: checked.shutdownFunction))
        case .failure(let reason):
            // RTLD_NODELETE keeps the image mapped: this only drops the reference.
            dlclose(handle)
            return refuse(reason.text)
        }
    }

    private struct Checked {
        let name: String, version: String, abiMajor: Int, abiMinor: Int, serial: Bool
        let hooks: [PluginHook: capstan_hook_fn]
        let initFunction: PluginCandidate.InitFunction?
        let shutdownFunction: LoadedPlugin.ShutdownFunction?
    }

    private struct Reason: Error { let text: String }

    /// The descriptor checks. The first 16 bytes keep their layout in every major (see the
    /// header), so they are read before anything tells us the struct is a v1 descriptor.
    private static func check(_ raw: UnsafeRawPointer) -> Result<Checked, Reason> {
        let magic = raw.loadUnaligned(fromByteOffset: 0, as: UInt32.self)
        let size = Int(raw.loadUnaligned(fromByteOffset: 4, as: UInt32.self))
        let major = Int(raw.loadUnaligned(fromByteOffset: 8, as: UInt16.self))
        let minor = Int(raw.loadUnaligned(fromByteOffset: 10, as: UInt16.self))
        guard magic == CAPSTAN_PLUGIN_MAGIC else {
            return .failure(Reason(text: "bad magic \(hex32(magic)) (expected \(hex32(CAPSTAN_PLUGIN_MAGIC)))"))
        }
        guard major == Int(CAPSTAN_PLUGIN_ABI_MAJOR) else {
            return .failure(Reason(text: "ABI major \(major), host supports \(CAPSTAN_PLUGIN_ABI_MAJOR)"))
        }
        guard size >= descriptorSize else {
            return .failure(Reason(text: "descriptor struct_size \(size) is smaller than the v1 size \(descriptorSize)"))
        }
        let descriptor = raw.assumingMemoryBound(to: capstan_plugin.self).pointee
        guard let hooksPointer = descriptor.hooks else { return .failure(Reason(text: "hooks table is NULL")) }
        let hooksTableSize = Int(hooksPointer.pointee.struct_size)
        guard hooksTableSize >= hooksSize else {
            return .failure(Reason(text: "hooks table struct_size \(hooksTableSize) is smaller than the v1 size \(hooksSize)"))
        }
        guard let namePointer = descriptor.name else { return .failure(Reason(text: "invalid name (NULL)")) }
        let name = boundedString(namePointer, limit: 64)
        guard let name, isValidName(name) else {
            let shown = name ?? (boundedString(namePointer, limit: 4096).map { String($0.prefix(64)) + "..." } ?? "?")
            return .failure(Reason(text: "invalid name \"\(shown)\" (use 1 to 64 of a-z 0-9 _ -, starting with a letter or digit)"))
        }
        guard let versionPointer = descriptor.version else { return .failure(Reason(text: "invalid version (NULL)")) }
        guard let version = boundedString(versionPointer, limit: 64) else {
            return .failure(Reason(text: "invalid version (not UTF-8 of at most 64 bytes)"))
        }
        var hooks: [PluginHook: capstan_hook_fn] = [:]
        let table = hooksPointer.pointee
        for hook in PluginHook.allCases {
            // A newer minor host may know hooks an older plugin's smaller table lacks.
            guard let offset = MemoryLayout<capstan_hooks>.offset(of: hook.slot),
                offset + MemoryLayout<capstan_hook_fn?>.size <= hooksTableSize
            else { continue }
            if let function = table[keyPath: hook.slot] { hooks[hook] = function }
        }
        return .success(Checked(
            name: name, version: version, abiMajor: major, abiMinor: minor,
            serial: descriptor.flags & CAPSTAN_PLUGIN_SERIAL != 0, hooks: hooks,
            initFunction: descriptor.`init`, shutdownFunction: descriptor.shutdown))
    }

    private func copyToRuntime(_ data: Data, sha256: String) -> Result<String, Reason> {
        let target = self.runtimeDirectory + "/" + sha256 + ".so"
        if FileManager.default.fileExists(atPath: target) { return .success(target) }
        do {
            try FileManager.default.createDirectory(atPath: self.runtimeDirectory, withIntermediateDirectories: true)
            try data.write(to: URL(fileURLWithPath: target), options: .atomic)
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: target)
            return .success(target)
        } catch {
            return .failure(Reason(text: "cannot copy to \(target) (\(error))"))
        }
    }

    /// dlerror names the runtime copy; the operator knows the original, which the refusal names.
    private static func shortDLError(copy: String) -> String {
        guard let message = dlerror().map({ String(cString: $0) }) else { return "unknown dlopen error" }
        let prefix = copy + ": "
        return message.hasPrefix(prefix) ? String(message.dropFirst(prefix.count)) : message
    }

    private static func boundedString(_ pointer: UnsafePointer<CChar>, limit: Int) -> String? {
        let length = strnlen(pointer, limit + 1)
        guard length <= limit else { return nil }
        return pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(validating: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }
    }

    private static func isValidName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        func allowed(_ byte: UInt8) -> Bool {
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
        }
        guard let first = bytes.first, allowed(first), bytes.count <= 64 else { return false }
        return bytes.allSatisfy { allowed($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
    }
}

private func hex32(_ value: UInt32) -> String {
    let digits = String(value, radix: 16)
    return "0x" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
}

import Configuration
import Foundation
import Yams

/// Raw configuration values: environment variables over the YAML file, read through swift-configuration,
/// plus the parsed YAML tree for what a flat key-value view cannot express (unknown-key checks, plugin sections).
struct ConfigSource {
    let reader: ConfigReader
    let tree: [String: Any]
    let environment: [String: String]

    static func load(file: String?, environment: [String: String]) async throws(ConfigError) -> ConfigSource {
        var providers: [any ConfigProvider] = [EnvironmentVariablesProvider(environmentVariables: environment)]
        var tree: [String: Any] = [:]
        if let file {
            let text: String
            do {
                text = try String(contentsOfFile: file, encoding: .utf8)
            } catch {
                throw ConfigError(key: nil, "cannot read \(file): \(error.localizedDescription)")
            }
            let root: Node?
            do {
                root = try YAMLTree.root(text)
            } catch {
                throw ConfigError(key: nil, "\(file) is not valid YAML: \(error)")
            }
            if let root {
                guard case .mapping = root, let mapping = try YAMLTree.value(of: root) as? [String: Any] else {
                    throw ConfigError(key: nil, "\(file) must be a YAML mapping")
                }
                tree = mapping
                providers.append(InMemoryProvider(name: file, values: try YAMLTree.configValues(root)))
            }
        }
        return ConfigSource(reader: ConfigReader(providers: providers), tree: tree, environment: environment)
    }

    /// The value of `key` as text; secrets written `env:NAME` are read from that environment variable.
    func string(_ key: String) throws(ConfigError) -> String? {
        guard let value = self.reader.string(forKey: ConfigKey(stringLiteral: key)) else { return nil }
        return Self.isSecret(key) ? try self.resolvingSecret(value, key: key) : value
    }

    func strings(_ key: String) throws(ConfigError) -> [String] {
        guard let values = self.reader.stringArray(forKey: ConfigKey(stringLiteral: key)) else {
            // A scalar where a list is expected is a mistake worth naming rather than ignoring.
            if let scalar = self.reader.string(forKey: ConfigKey(stringLiteral: key)), !scalar.isEmpty {
                return scalar.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            }
            return []
        }
        guard Self.isSecret(key) else { return values }
        return try values.map { value throws(ConfigError) in try self.resolvingSecret(value, key: key) }
    }

    private static func isSecret(_ key: String) -> Bool {
        CapstanConfig.keys.first { $0.name == key }?.isSecret == true
    }

    /// A secret written `env:NAME` is the value of the environment variable NAME; any other value is itself.
    private func resolvingSecret(_ value: String, key: String) throws(ConfigError) -> String {
        guard value.hasPrefix("env:") else { return value }
        let name = String(value.dropFirst(4))
        guard let resolved = self.environment[name], !resolved.isEmpty else {
            throw ConfigError(key: key, "refers to environment variable \(name), which is not set")
        }
        return resolved
    }

    func bool(_ key: String, default defaultValue: Bool) throws(ConfigError) -> Bool {
        guard let text = try self.string(key) else { return defaultValue }
        switch text.lowercased() {
        case "true", "yes", "on", "1": return true
        case "false", "no", "off", "0": return false
        default: throw ConfigError(key: key, "'\(text)' is not a boolean (true or false)")
        }
    }

    func int(_ key: String, default defaultValue: Int, range: ClosedRange<Int>) throws(ConfigError) -> Int {
        guard let text = try self.string(key) else { return defaultValue }
        guard let value = Int(text), range.contains(value) else {
            throw ConfigError(key: key, "'\(text)' is not a whole number in \(range.lowerBound)...\(range.upperBound)")
        }
        return value
    }

    /// Dotted names of every leaf in the file, for the unknown-key check.
    func fileKeys() -> [String] {
        var keys: [String] = []
        func walk(_ node: Any, _ prefix: String) {
            if let mapping = node as? [String: Any], !mapping.isEmpty {
                if prefix.hasPrefix("plugins.config.") { keys.append(prefix); return }
                for (key, value) in mapping { walk(value, prefix.isEmpty ? key : "\(prefix).\(key)") }
            } else if !prefix.isEmpty {
                keys.append(prefix)
            }
        }
        walk(self.tree, "")
        return keys.sorted()
    }

    /// Each plugin's own section under `plugins.config`, as JSON.
    func pluginSections() throws(ConfigError) -> [String: [UInt8]] {
        guard let plugins = self.tree["plugins"] as? [String: Any], let sections = plugins["config"] else { return [:] }
        guard let mapping = sections as? [String: Any] else {
            throw ConfigError(key: "plugins.config", "must be a mapping from plugin name to that plugin's settings")
        }
        var result: [String: [UInt8]] = [:]
        for (name, section) in mapping {
            guard let json = Self.json(section), JSONSerialization.isValidJSONObject(json) else {
                throw ConfigError(key: "plugins.config.\(name)", "must be a mapping")
            }
            do {
                result[name] = Array(try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys]))
            } catch {
                throw ConfigError(key: "plugins.config.\(name)", "cannot be expressed as JSON")
            }
        }
        return result
    }

    /// Converts the YAML tree's values to the JSON-compatible Foundation values JSONSerialization accepts.
    private static func json(_ value: Any) -> Any? {
        switch value {
        case let mapping as [String: Any]:
            var out: [String: Any] = [:]
            for (key, item) in mapping { out[key] = Self.json(item) ?? NSNull() }
            return out
        case let list as [Any]: return list.map { Self.json($0) ?? NSNull() }
        case let string as String: return string
        case let bool as Bool: return bool
        case let int as Int: return int
        case let double as Double: return double
        default: return nil
        }
    }
}

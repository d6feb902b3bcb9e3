/// The commented capstan.yaml that `capstan init` writes.
struct ConfigTemplate {
    let network: String
    let homeDomain: String
    let signingSeed: String
    let jwtSecret: String
    let distributionSeed: String
    let issuerSeed: String
    let pluginsDirectory: String

    func render() -> String {
        """
        # Capstan configuration, written by `capstan init`. Every key is listed in README.md;
        # environment variables override the file (http.port -> HTTP_PORT).
        # This file holds secret keys: keep it mode 0600, or write a secret as env:NAME to read it
        # from the environment variable NAME instead.

        anchor:
          home_domain: "\(self.homeDomain)"

        http:
          host: 127.0.0.1
          port: \(self.homeDomain.split(separator: ":").last.flatMap { Int($0) } ?? 8000)

        database:
          url: "sqlite:capstan.sqlite"

        stellar:
          network: \(self.network)
          # Pays deposits in the demo asset SRT; its public key is the SRT distribution account.
          distribution_secrets:
            - "\(self.distributionSeed)"

        sep1:
          enabled: true

        sep10:
          signing_key: "\(self.signingSeed)"
          jwt_secret: "\(self.jwtSecret)"

        plugins:
          dir: "\(self.pluginsDirectory)"
          # Both example plugins implement the toml hook; the first listed answers it.
          order: [reference, minimal]

        demo:
          # Issues SRT on the devnet. A real anchor keeps its issuer key offline.
          issuer_secret: "\(self.issuerSeed)"

        log:
          level: info

        """
    }
}

import ArgumentParser
import CapstanModel

/// `capstan sim image fail|ok IMAGE`: pulls of the image fail (ErrImagePull, ImagePullBackOff) or succeed.
struct SimImageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "image", abstract: "Make pulls of an image fail or succeed again.")

    enum Action: String, ExpressibleByArgument, CaseIterable {
        case fail, ok
    }

    @OptionGroup var options: ClientOptions
    @Argument(help: "fail or ok.") var action: Action
    @Argument(help: "The image exactly as pods name it, e.g. nginx:1.27.") var image: String

    func validate() throws {
        guard !image.isEmpty, !image.contains(where: { $0.isWhitespace }) else {
            throw ValidationError("invalid image \"\(image)\": an image reference has no spaces")
        }
    }

    func run() async throws {
        let body = try await options.client.post(
            "/api/v1/sim/images/\(action.rawValue)", json: ["image": .string(image)])
        try SimulationOutput.print(body, format: options.output)
    }
}

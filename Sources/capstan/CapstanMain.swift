import ArgumentParser
import CapstanCLI

/// The `capstan` executable: everything happens in CapstanCLI.
@main
struct CapstanMain: AsyncMainProtocol {
    typealias Command = CapstanCommand
}

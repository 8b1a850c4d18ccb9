import Foundation
import Synchronization

/// The outside party of the interface tests (issue 20): Debian's Python 3 with a virtual
/// environment holding the HL7 and FHIR libraries from PyPI at pinned versions, made on first use
/// in `.build/interop-venv` (never committed), as `.ci/run` does. A package that cannot be had is a
/// clear failure naming it, never a skipped test.
public enum InteropPython {
    /// The pinned packages (`Tests/Interop/requirements.txt`, which `.ci/run` installs too):
    /// python-hl7 (its MLLP client sends, its parser reads our ACKs) and
    /// fhir.resources (pydantic models of FHIR R4B, used to validate what Wardline exports).
    public static func requirements(_ packageRoot: URL) -> URL {
        packageRoot.appendingPathComponent("Tests/Interop/requirements.txt")
    }

    /// Debian's interpreter and its `venv` module (ensurepip).
    public static let debianPython = (paths: ["/usr/bin/python3", "/usr/lib/python3.11/ensurepip/__init__.py"],
                                      packages: ["python3", "python3-venv"])

    private static let lock = Mutex<URL?>(nil)

    /// The environment's interpreter under `packageRoot/.build/interop-venv`, made when missing.
    public static func python(packageRoot: URL) throws -> URL {
        try lock.withLock { made in
            if let made { return made }
            let venv = packageRoot.appendingPathComponent(".build/interop-venv")
            let python = venv.appendingPathComponent("bin/python")
            let stamp = venv.appendingPathComponent("requirements-installed.txt")
            let wanted = try String(contentsOf: requirements(packageRoot), encoding: .utf8)
            if (try? String(contentsOf: stamp, encoding: .utf8)) != wanted {
                try SystemPackages.ensure(debianPython)
                try? FileManager.default.removeItem(at: venv)
                try step("/usr/bin/python3", ["-m", "venv", venv.path])
                try step(python.path, ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r", requirements(packageRoot).path])
                try wanted.write(to: stamp, atomically: true, encoding: .utf8)
            }
            made = python
            return python
        }
    }

    private static func step(_ tool: String, _ args: [String]) throws {
        let r = try runProcess(URL(fileURLWithPath: tool), args, timeout: 600)
        guard r.status == 0 else {
            throw SystemPackages.Missing(description: "\(tool) \(args.joined(separator: " ")) failed (\(r.status)): \(r.stderr.suffix(2000))")
        }
    }
}

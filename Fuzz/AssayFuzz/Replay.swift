#if !FUZZING
    import Foundation

    /// Without libFuzzer: `assay-fuzz TARGET FILE|FOLDER…` runs each input once through a target, so the seed
    /// corpus and every crash found (`Fuzz/Corpus/TARGET/`) are replayed by the ordinary test suite.
    @main
    enum Replay {
        static func main() {
            let arguments = CommandLine.arguments.dropFirst()
            guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
                let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
                FileHandle.standardError.write(Data("usage: assay-fuzz \(names) FILE|FOLDER…\n".utf8))
                exit(64)
            }
            var count = 0
            for path in arguments.dropFirst() {
                for file in files(at: path) {
                    guard let data = FileManager.default.contents(atPath: file) else {
                        FileHandle.standardError.write(Data("assay-fuzz: cannot read \(file)\n".utf8))
                        exit(2)
                    }
                    target.run(Array(data))
                    count += 1
                }
            }
            print("replayed \(count) inputs through \(name)")
        }

        /// The file itself, or every regular file under a folder, sorted.
        static func files(at path: String) -> [String] {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue
            else { return [path] }
            let names = (FileManager.default.enumerator(atPath: path)?.allObjects as? [String]) ?? []
            return names.sorted().map { path + "/" + $0 }.filter { name in
                var folder: ObjCBool = false
                return FileManager.default.fileExists(atPath: name, isDirectory: &folder) && !folder.boolValue
            }
        }
    }
#endif

// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Assay",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "assay", targets: ["assay"]),
        .library(name: "AssayCore", targets: ["AssayCore"]),
        .library(name: "AssayStore", targets: ["AssayStore"]),
        .library(name: "AssayAudit", targets: ["AssayAudit"]),
        .library(name: "AssayBundle", targets: ["AssayBundle"]),
        .library(name: "AssayCrypto", targets: ["AssayCrypto"]),
        .library(name: "AssayRegistry", targets: ["AssayRegistry"]),
        .library(name: "AssayProvenance", targets: ["AssayProvenance"]),
        .library(name: "AssayWorkflows", targets: ["AssayWorkflows"]),
        .library(name: "AssayPostgreSQL", targets: ["AssayPostgreSQL"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .systemLibrary(
            name: "CArchive",
            pkgConfig: "libarchive",
            providers: [.apt(["libarchive-dev"])]
        ),
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        .target(name: "AssayCore"),
        .target(
            name: "AssayPostgreSQL",
            dependencies: ["CLibPQ"]
        ),
        .target(
            name: "AssayCrypto",
            dependencies: ["COpenSSL"]
        ),
        .target(
            name: "AssayBundle",
            dependencies: ["AssayCore", "AssayCrypto", "CArchive"]
        ),
        .target(
            name: "AssayRegistry",
            dependencies: ["AssayCore", "AssayCrypto"]
        ),
        .target(
            name: "AssayProvenance",
            dependencies: ["AssayCore", "AssayCrypto", "AssayBundle", "COpenSSL"]
        ),
        .target(
            name: "AssayStore",
            dependencies: [
                "AssayCore",
                "AssayCrypto",
                "AssayBundle",
                "AssayRegistry",
                "AssayProvenance",
                "AssayPostgreSQL",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        .target(
            name: "AssayAudit",
            dependencies: [
                "AssayStore",
                "AssayCore",
                "AssayCrypto",
                "AssayRegistry",
                "AssayProvenance",
                "CCurl",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .target(
            name: "AssayWorkflows",
            dependencies: [
                "AssayAudit",
                "AssayStore",
                "AssayBundle",
                "AssayCore",
                "AssayCrypto",
                "AssayRegistry",
                "AssayProvenance",
            ]
        ),
        .executableTarget(
            name: "assay",
            dependencies: [
                "AssayWorkflows",
                "AssayStore",
                "AssayBundle",
                "AssayCrypto",
                "AssayRegistry",
                "AssayAudit",
                "AssayProvenance",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "AssayCoreTests", dependencies: ["AssayCore"]),
        .testTarget(
            name: "AssayWorkflowsTests",
            dependencies: [
                "AssayWorkflows", "AssayAudit", "AssayStore", "AssayBundle", "AssayProvenance", "AssayTestSupport",
                "AssayCore", "AssayCrypto", "AssayRegistry",
            ]
        ),
        .testTarget(name: "AssayCryptoTests", dependencies: ["AssayCrypto"]),
        .testTarget(
            name: "AssayPostgreSQLTests",
            dependencies: [
                "AssayPostgreSQL", "AssayStore", "AssayTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(name: "AssayBundleTests", dependencies: ["AssayBundle", "AssayTestSupport"]),
        .testTarget(name: "AssayRegistryTests", dependencies: ["AssayRegistry", "AssayCore"]),
        .testTarget(
            name: "AssayProvenanceTests",
            dependencies: ["AssayProvenance", "AssayBundle", "AssayCrypto", "AssayTestSupport"]),
        .executableTarget(name: "assay-bench-store", dependencies: ["AssayStore"], path: "Benchmarks/StoreBench"),
        .executableTarget(
            name: "assay-bench-audit", dependencies: ["AssayStore", "AssayBundle"], path: "Benchmarks/AuditBench"),
        .target(
            name: "AssayTestSupport",
            dependencies: ["AssayPostgreSQL", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Tests/AssayTestSupport"),
        .systemLibrary(name: "CLibFuzzer", path: "Fuzz/CLibFuzzer"),
        .executableTarget(
            name: "assay-fuzz",
            dependencies: ["AssayBundle", "AssayCore", "AssayCrypto", "AssayRegistry", "CLibFuzzer"],
            path: "Fuzz/AssayFuzz"
        ),
        .executableTarget(name: "assay-stress-driver", dependencies: ["AssayStore"], path: "Tests/AssayStressDriver"),
        .testTarget(
            name: "AssayStoreTests",
            dependencies: [
                "AssayStore", "AssayBundle", "AssayProvenance", "AssayPostgreSQL", "AssayTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "AssayAuditTests",
            dependencies: [
                "AssayAudit", "AssayStore", "AssayBundle", "AssayRegistry", "AssayProvenance", "AssayTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "AssayEndToEndTests",
            dependencies: [
                "AssayTestSupport", "AssayAudit", "AssayStore", "AssayProvenance", "AssayPostgreSQL",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            exclude: ["Corpus"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

import ArgumentParser

/// `assay vendor …`
struct VendorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vendor",
        abstract: "Add, list, show, edit and remove vendors.",
        discussion: "A vendor can be named by its name, any alias, or its id (#12) wherever a command takes VENDOR.",
        subcommands: [VendorAdd.self, VendorList.self, VendorShow.self, VendorEdit.self, VendorRemove.self,
                      VendorKeyCommand.self, VendorDossier.self]
    )
}

package dev.trustmap.analysis.findings;

import dev.trustmap.engine.Engine;
import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.mesh.Traffic;
import dev.trustmap.source.folder.FolderSource;
import dev.trustmap.source.traffic.TrafficFile;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Loads the checker fixtures: {@code findings/base.yaml} plus one case folder (with its traffic file, if any). */
final class CheckerFixtures {
    private CheckerFixtures() {}

    static Path resource(String name) {
        try {
            return Path.of(
                    CheckerFixtures.class.getResource("/findings/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static MeshSnapshot snapshot(String caseFolder) throws Exception {
        return FolderSource.load(List.of(resource("base.yaml"), resource(caseFolder)))
                .snapshot();
    }

    static MeshContext context(String caseFolder) throws Exception {
        Engine engine = Engine.of(snapshot(caseFolder));
        Optional<Traffic> traffic = TrafficFile.find(resource(caseFolder));
        return MeshContext.of(engine, traffic.orElse(Traffic.none()));
    }

    static Checker checker(String code) {
        return FindingValidator.all().stream()
                .filter(c -> c.code().equals(code))
                .findFirst()
                .orElseThrow();
    }
}

package dev.trustmap.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Finds scenario files: files as given, directories searched recursively for {@code *.yaml} and {@code *.yml}. */
final class ScenarioFiles {
    private ScenarioFiles() {}

    /** The files to run, each directory's in path order; fails when a path is missing or nothing is found. */
    static List<Path> find(List<Path> paths) throws BadInputException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                files.addAll(inDirectory(path));
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new BadInputException(path + ": no such file or directory");
            }
        }
        if (files.isEmpty()) {
            throw new BadInputException("no scenario files (*.yaml, *.yml) found in " + paths);
        }
        return files;
    }

    private static List<Path> inDirectory(Path directory) throws BadInputException {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile)
                    .filter(ScenarioFiles::isYaml)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new BadInputException(directory + ": cannot list: " + e.getMessage());
        }
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }
}

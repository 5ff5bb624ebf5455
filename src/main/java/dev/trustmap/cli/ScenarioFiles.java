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

    /**
     * What was found.
     *
     * @param files the files to run, each directory's in path order
     * @param problems one line for each path that could not be searched (missing, unlistable)
     */
    record Found(List<Path> files, List<String> problems) {}

    /** The files to run and the paths that were bad; fails only when there is nothing at all to run. */
    static Found find(List<Path> paths) throws BadInputException {
        List<Path> files = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                inDirectory(path, files, problems);
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                problems.add(path + ": no such file or directory");
            }
        }
        if (files.isEmpty() && problems.isEmpty()) {
            throw new BadInputException("no scenario files (*.yaml, *.yml) found in " + paths);
        }
        return new Found(files, problems);
    }

    private static void inDirectory(Path directory, List<Path> files, List<String> problems) {
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.filter(Files::isRegularFile)
                    .filter(ScenarioFiles::isYaml)
                    .sorted()
                    .forEach(files::add);
        } catch (IOException | java.io.UncheckedIOException e) {
            problems.add(directory + ": cannot list: " + e.getMessage());
        }
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }
}

package com.pexper.core.files;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Predicate;

/**
 * Which files of a folder a batch takes: regular files matching a glob, sorted by path so that runs
 * are repeatable; links not followed; hidden files and folders left out unless asked for; and
 * folders the caller names (Pexper's data folder) never entered. List folder and the command line
 * list the same way.
 *
 * @param matcher matched against the file name, or against the path below the folder when {@code matchPath}
 * @param maxFiles more than this many is an {@link IllegalStateException}: a pattern too wide
 */
public record FolderListing(PathMatcher matcher, boolean matchPath, boolean recursive, boolean hidden, int maxFiles) {

    /**
     * @param skip folders not to enter
     * @param checkCancelled called for every file; throws to stop the listing
     * @throws IOException when the folder itself cannot be listed (an unreadable entry below it is left out)
     * @throws IllegalStateException with "more than N files" when there are more than {@link #maxFiles}
     */
    public List<Path> list(Path folder, Predicate<Path> skip, Runnable checkCancelled) throws IOException {
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(folder, EnumSet.noneOf(FileVisitOption.class), recursive ? Integer.MAX_VALUE : 1,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        boolean skipped = !dir.equals(folder) && (!hidden && isHidden(dir) || skip.test(dir));
                        return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        checkCancelled.run();
                        if (attrs.isRegularFile() && (hidden || !isHidden(file))
                                && matcher.matches(matchPath ? folder.relativize(file) : file.getFileName())) {
                            found.add(file);
                            if (found.size() > maxFiles) {
                                throw new IllegalStateException("more than " + maxFiles + " files");
                            }
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                        if (file.equals(folder)) {
                            throw e;
                        }
                        return FileVisitResult.CONTINUE; // an unreadable entry does not stop the listing
                    }
                });
        found.sort(null);
        return found;
    }

    private static boolean isHidden(Path path) {
        return path.getFileName() != null && path.getFileName().toString().startsWith(".");
    }
}

package dev.modelcards;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Turns file-system exceptions into one readable line that names the path. Java's own messages are
 * either just a path ({@code AccessDeniedException: /out/.x.tmp}) or just a reason ({@code No space left
 * on device}), and often name a temporary file the user never asked for; a user needs the file they
 * asked for and what went wrong with it.
 */
public final class FileErrors {
    private FileErrors() {
    }

    /**
     * What went wrong, without any path: {@code read-only file system}, {@code permission denied}, ...
     *
     * @param e the failure
     * @return the reason, e.g. {@code permission denied}
     */
    public static String reason(IOException e) {
        String r = e instanceof FileSystemException fse ? fse.getReason() : e.getMessage();
        if (r == null || r.isBlank()) {
            r = e instanceof AccessDeniedException ? "permission denied"
                    : e instanceof NoSuchFileException ? "no such file or folder"
                    : e instanceof FileAlreadyExistsException ? "already exists"
                    : e instanceof NotDirectoryException ? "not a folder"
                    : e instanceof DirectoryNotEmptyException ? "folder is not empty"
                    : e.getClass().getSimpleName();
        }
        // OS reasons come capitalised ("No space left on device"); they follow a colon here
        return r.length() > 1 && Character.isUpperCase(r.charAt(0)) && Character.isLowerCase(r.charAt(1))
                ? r.substring(0, 1).toLowerCase(Locale.ROOT) + r.substring(1) : r;
    }

    /**
     * {@code <path>: <reason>} for any I/O failure, naming the file the exception names (if any).
     *
     * @param e the failure
     * @return the message for the user
     */
    public static String describe(IOException e) {
        String file = e instanceof FileSystemException fse ? fse.getFile() : null;
        return file == null ? reason(e) : file + ": " + reason(e);
    }

    /**
     * {@code cannot write <target>: <reason>}; the file the exception names is added only when it is
     * neither the target nor the temporary file written in its place (e.g. a parent folder that could not
     * be created).
     *
     * @param target the file that was to be written
     * @param tmp the temporary file written in its place, or null
     * @param e the failure
     * @return the message for the user
     */
    public static String cannotWrite(Path target, Path tmp, IOException e) {
        String msg = "cannot write " + target + ": " + reason(e);
        if (e instanceof FileSystemException fse && fse.getFile() != null) {
            Path f = Path.of(fse.getFile());
            if (!f.equals(target) && !f.equals(tmp) && !f.toAbsolutePath().equals(target.toAbsolutePath())
                    && (tmp == null || !f.toAbsolutePath().equals(tmp.toAbsolutePath()))) {
                msg += " (" + f + ")";
            }
        }
        return msg;
    }
}

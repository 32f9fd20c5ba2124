package org.cews.lab.directory;

/**
 * How the lab learns that its directory changed: a count that moves on every successful write.
 * Only a directory the lab runs itself can say this ({@link EmbeddedDirectory#changes()}); for one
 * it cannot watch, a cache has to refresh on a timer or when told to.
 */
@FunctionalInterface
public interface DirectoryChanges {

    /** Moves (by at least one) whenever an entry is added, modified, renamed or deleted. */
    long count();
}

/**
 * One set of every store an installation keeps ({@link app.omniy.core.spi.Stores}): what a runtime
 * is wired onto in one call, implemented in memory ({@code InMemoryStores.all()}) and on Firestore
 * ({@code FirestoreStores}).
 */
@NullMarked
package app.omniy.core.spi;

import org.jspecify.annotations.NullMarked;

/** Omniy on Google Cloud Firestore: connections, stores and backups. */
@NullMarked
package app.omniy.firestore;

import org.jspecify.annotations.NullMarked;

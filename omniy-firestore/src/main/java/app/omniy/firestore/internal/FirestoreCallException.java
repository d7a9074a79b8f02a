package app.omniy.firestore.internal;

import app.omniy.core.OmniyException;
import com.google.api.gax.rpc.StatusCode;

/** A Firestore call that failed, with the status Firestore (or the client) gave. */
public final class FirestoreCallException extends OmniyException {
  private static final long serialVersionUID = 1L;

  private final StatusCode.Code code;

  /** A failure with {@code code}, caused by {@code cause}. */
  public FirestoreCallException(StatusCode.Code code, Throwable cause) {
    super("Firestore call failed: " + code, cause);
    this.code = code;
  }

  /** The call's status. */
  public StatusCode.Code code() {
    return code;
  }

  /** Whether the document to create existed already (a lost {@code create} race). */
  public boolean alreadyExists() {
    return code == StatusCode.Code.ALREADY_EXISTS;
  }
}

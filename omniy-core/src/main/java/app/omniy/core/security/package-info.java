/**
 * Security rules of the 05:00 scan (MNT-1) as pure functions of their inputs: the login-anomaly
 * detector behind ALERT-I3 — bursts of failed logins per account and per source, a successful login
 * from a country or device new for the account. No I/O, no clock: every event carries its instant.
 */
@NullMarked
package app.omniy.core.security;

import org.jspecify.annotations.NullMarked;

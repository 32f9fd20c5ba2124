/**
 * The one bounded reader of DER that a client sent (ITU-T X.690 §8.1: every value an identifier,
 * a length and contents). {@link org.cews.x690.BoundedDer#check} walks a whole encoding without
 * recursion against the caller's {@link org.cews.x690.DerLimits} (size, nesting, whether BER's
 * indefinite lengths and encodings inside OCTET and BIT STRINGs count), so that a recursive parser
 * (Bouncy Castle's, which recurses once per level) never meets more than the caller allowed;
 * {@link org.cews.x690.Tlv} reads values one level at a time for callers that need no more than
 * that. Every refusal is a checked {@link org.cews.x690.DerException}. JDK only.
 */
package org.cews.x690;

/** The AD PKI objects ([MS-CRTD] 2, [MS-ADSC] 2.169/2.222/2.223) and their decoders. */
package org.cews.policy.model;

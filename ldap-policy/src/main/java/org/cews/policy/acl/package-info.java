/** Windows security types ([MS-DTYP] 2.4) and control-access checks ([MS-ADTS] 5.1.3.3.4). */
package org.cews.policy.acl;

/**
 * The stand-in for Windows infrastructure (docs/ARCHITECTURE.md §4.7): {@link org.cews.lab.Lab} runs an
 * AD-shaped directory ({@code directory}), a KDC ({@code kdc}), the CA's MS-ICPR and endpoint
 * mapper endpoints with NTLM and Kerberos packet privacy ({@code rpc}) and the officer endpoint
 * ({@code officer}) on 127.0.0.1, around a CA engine ({@code ca}) plugged in through
 * {@link org.cews.lab.LabCaFactory}. {@link org.cews.lab.LabAccounts} is the one source of the
 * lab's passwords.
 */
package org.cews.lab;

/**
 * The stand-in for Windows infrastructure: an AD CS emulator serving MS-ICPR, an AD-shaped
 * directory and a KDC. Not written yet (issue "lab").
 */
package org.cews.lab;

/** The {@code enroll} command: templates, request, poll, renew; options, help and exit codes. */
package org.cews.client.cli;

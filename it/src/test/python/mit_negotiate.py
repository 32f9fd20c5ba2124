#!/usr/bin/python3
"""A Negotiate token from MIT krb5 through python-gssapi, built the way requests-gssapi 1.4 (and so
cepces) builds it: ChannelBindings(application_data=...) with the address types left at 0.

    mit_negotiate.py <spnego|krb5> <application data in hex | none>

The ticket cache and krb5.conf come from KRB5CCNAME and KRB5_CONFIG. Prints the first token of a
context for HTTP@localhost, base64, for an Authorization: Negotiate header.
"""
import base64
import sys

import gssapi
from gssapi.raw import ChannelBindings

SPNEGO = gssapi.OID.from_int_seq("1.3.6.1.5.5.2")
KRB5 = gssapi.OID.from_int_seq("1.2.840.113554.1.2.2")


def main(mech, data):
    bindings = None if data == "none" else ChannelBindings(application_data=bytes.fromhex(data))
    context = gssapi.SecurityContext(
        name=gssapi.Name("HTTP@localhost", gssapi.NameType.hostbased_service),
        mech=KRB5 if mech == "krb5" else SPNEGO,
        usage="initiate",
        flags=[gssapi.RequirementFlag.mutual_authentication],
        channel_bindings=bindings,
    )
    print(base64.b64encode(context.step()).decode("ascii"))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

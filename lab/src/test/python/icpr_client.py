#!/usr/bin/python3
"""An independent MS-ICPR client for the cews lab, written on impacket (Debian python3-impacket 0.10).

impacket 0.10 has no ICPR module, so the one call is declared here from [MS-ICPR] 3.2.4.1.1:

    DWORD CertServerRequest(                          // opnum 0 of ICertPassage,
        [in] handle_t h,                              // 91ae6020-9e3c-11cf-8d7c-00aa00c091be v0.0
        [in] DWORD dwFlags,
        [in, string, unique] const wchar_t *pwszAuthority,
        [in, out, ref] DWORD *pdwRequestId,
        [out] DWORD *pdwDisposition,
        [in, ref] const CERTTRANSBLOB *pctbAttribs,
        [in, ref] const CERTTRANSBLOB *pctbRequest,
        [out, ref] CERTTRANSBLOB *pctbCert,
        [out, ref] CERTTRANSBLOB *pctbEncodedCert,
        [out, ref] CERTTRANSBLOB *pctbDispositionMessage);

    typedef struct _CERTTRANSBLOB { ULONG cb; [size_is(cb), unique] BYTE *pb; } CERTTRANSBLOB;

The client asks the lab's endpoint mapper (ept_map on its own port, not 135) for the ICPR port,
binds with NTLM at RPC_C_AUTHN_LEVEL_PKT_PRIVACY and submits a PKCS#10 request. It prints one
"key value" line per fact and exits 0 when the call completed (whatever the disposition), 1 when
the RPC layer failed, 2 on bad arguments.

--kerberos binds with SPNEGO/Kerberos (auth_type 9; impacket 0.10 has no raw auth_type 16) as
user@LAB.EXAMPLE for host/ca.lab.example, working around two impacket 0.10 habits: it asks KDCs on
port 88 only (the lab's KDC has its own port), and it takes an absent ETYPE-INFO2 salt for an
empty one (RFC 4120 5.2.7.5: absent means the default salt), so the AES key is derived here.
Against the lab this gets tickets and the bind's AP exchange, then the lab refuses the third leg:
impacket sends no SPNEGO mechListMIC.
"""

import argparse
import socket
import sys
from binascii import hexlify

from impacket.dcerpc.v5 import epm, transport
from impacket.dcerpc.v5.dtypes import DWORD, LPWSTR, NULL, ULONG
from impacket.dcerpc.v5.ndr import NDRCALL, NDRPOINTER, NDRSTRUCT, NDRUniConformantArray
from impacket.dcerpc.v5.rpcrt import (DCERPCException, RPC_C_AUTHN_GSS_NEGOTIATE, RPC_C_AUTHN_LEVEL_PKT_PRIVACY,
                                       RPC_C_AUTHN_WINNT)
from impacket.krb5 import kerberosv5
from impacket.krb5.crypto import _enctype_table
from impacket.uuid import uuidtup_to_bin

ICERTPASSAGE = uuidtup_to_bin(('91ae6020-9e3c-11cf-8d7c-00aa00c091be', '0.0'))
CR_IN_PKCS10 = 0x100
REALM = 'LAB.EXAMPLE'
CA_HOST = 'ca.lab.example'
AES256_CTS_HMAC_SHA1_96 = 18


class OctetArray(NDRUniConformantArray):
    """[size_is(cb)] BYTE[]: a conformant array of bytes ('c': one byte per item)."""
    item = 'c'


class OctetArrayPointer(NDRPOINTER):
    referent = (('Data', OctetArray),)


class CERTTRANSBLOB(NDRSTRUCT):
    structure = (('cb', ULONG), ('pb', OctetArrayPointer))


class CertServerRequest(NDRCALL):
    opnum = 0
    structure = (
        ('dwFlags', DWORD),
        ('pwszAuthority', LPWSTR),
        ('pdwRequestId', DWORD),
        ('pctbAttribs', CERTTRANSBLOB),
        ('pctbRequest', CERTTRANSBLOB),
    )


class CertServerRequestResponse(NDRCALL):
    structure = (
        ('pdwRequestId', DWORD),
        ('pdwDisposition', ULONG),
        ('pctbCert', CERTTRANSBLOB),
        ('pctbEncodedCert', CERTTRANSBLOB),
        ('pctbDispositionMessage', CERTTRANSBLOB),
        ('ErrorCode', ULONG),
    )


class DCERPCSessionError(DCERPCException):
    """impacket looks this class up in the request's module when a call returns non-zero."""


def blob(data):
    b = CERTTRANSBLOB()
    b['cb'] = len(data)
    b['pb'] = data if data else NULL
    return b


def octets(b):
    return b''.join(b['pb']) if b['pb'] else b''


def icpr_binding(host, epm_port):
    """ept_map over the lab's endpoint mapper: impacket's hept_map takes a dce on any port."""
    t = transport.DCERPCTransportFactory('ncacn_ip_tcp:%s[%d]' % (host, epm_port))
    dce = t.get_dce_rpc()
    dce.connect()
    try:
        return epm.hept_map(host, ICERTPASSAGE, protocol='ncacn_ip_tcp', dce=dce)
    finally:
        dce.disconnect()


class KdcPortSocket:
    """The socket module as impacket's kerberosv5 sees it, with its fixed port 88 moved to the lab KDC's."""

    def __init__(self, kdc_port):
        self.kdc_port = kdc_port

    def __getattr__(self, name):
        return getattr(socket, name)

    def getaddrinfo(self, host, port, *rest):
        return socket.getaddrinfo(host, self.kdc_port if port == 88 else port, *rest)


def kerberos_credentials(t, args):
    kerberosv5.socket = KdcPortSocket(args.kdc_port)
    key = _enctype_table[AES256_CTS_HMAC_SHA1_96].string_to_key(args.password, REALM + args.user, None)
    t.setRemoteName(CA_HOST)  # the SPN is host/<remote name>; the address stays the binding's
    t.set_credentials(args.user, '', REALM, aesKey=hexlify(key.contents).decode())
    t.set_kerberos(True, kdcHost=args.host)


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--host', default='127.0.0.1')
    p.add_argument('--epm-port', type=int, required=True)
    p.add_argument('--user', required=True)
    p.add_argument('--password', required=True)
    p.add_argument('--domain', default='LAB')
    p.add_argument('--authority', default='Lab-Issuing-CA')
    p.add_argument('--template', default='User')
    p.add_argument('--csr', required=True, help='a PKCS#10 request, DER')
    p.add_argument('--kerberos', action='store_true', help='SPNEGO/Kerberos instead of NTLM')
    p.add_argument('--kdc-port', type=int, default=88)
    args = p.parse_args(argv)

    with open(args.csr, 'rb') as f:
        csr = f.read()
    try:
        binding = icpr_binding(args.host, args.epm_port)
        print('binding', binding)
        t = transport.DCERPCTransportFactory(binding)
        if args.kerberos:
            kerberos_credentials(t, args)
        else:
            t.set_credentials(args.user, args.password, args.domain)
        dce = t.get_dce_rpc()
        dce.set_auth_type(RPC_C_AUTHN_GSS_NEGOTIATE if args.kerberos else RPC_C_AUTHN_WINNT)
        dce.set_auth_level(RPC_C_AUTHN_LEVEL_PKT_PRIVACY)
        dce.connect()
        dce.bind(ICERTPASSAGE)
        request = CertServerRequest()
        request['dwFlags'] = CR_IN_PKCS10
        request['pwszAuthority'] = args.authority + '\x00'
        request['pdwRequestId'] = 0
        request['pctbAttribs'] = blob(('CertificateTemplate:%s\x00' % args.template).encode('utf-16-le'))
        request['pctbRequest'] = blob(csr)
        response = dce.request(request, checkError=False)
        dce.disconnect()
    except Exception as e:  # impacket raises many kinds; the test only needs to know it failed
        print('error', '%s: %s' % (type(e).__name__, e))
        return 1

    message = octets(response['pctbDispositionMessage']).decode('utf-16-le').rstrip('\x00')
    print('request_id', response['pdwRequestId'])
    print('disposition', response['pdwDisposition'])
    print('return_value', '0x%08x' % response['ErrorCode'])
    print('certificate_bytes', len(octets(response['pctbEncodedCert'])))
    print('message', message)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))

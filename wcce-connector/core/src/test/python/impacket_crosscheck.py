#!/usr/bin/python3
"""Independent NDR check for the msicpr and epm codecs, using impacket's NDR engine.

impacket 0.10 has no ICPR module, so CertServerRequest's structs are declared here from the
[MS-ICPR] 3.2.4.1.1 / [MS-WCCE] 2.2.2.2 IDL; ept_map comes from impacket.dcerpc.v5.epm.

Usage (Debian's python3-impacket; use /usr/bin/python3):
    /usr/bin/python3 impacket_crosscheck.py            # print "name hex" for every message
    /usr/bin/python3 impacket_crosscheck.py DIR        # also unpack and repack DIR/**/*.hex
                                                       # (our goldens); exit 1 on a mismatch

impacket draws referent ids at random; the script sets them to what our NdrWriter writes
(0x00020000, +4, ... for MIDL-style stubs; 1 and 2 for ept_map; 3, 4, ... in its response).
Its padding bytes are not zero (here 0xAB and 0xBF): the Java tests pin these bytes as
impacket produced them and check that our reader ignores padding content.

Run from src/test/python: /usr/bin/python3 impacket_crosscheck.py ../resources/org/cews/wcce
"""
import glob
import os
import socket
import sys

from impacket.dcerpc.v5 import epm
from impacket.dcerpc.v5.dtypes import DWORD, LPWSTR, NULL, ULONG
from impacket.dcerpc.v5.ndr import NDRCALL, NDRPOINTER, NDRSTRUCT, NDRUniConformantArray
from impacket.uuid import uuidtup_to_bin


class BLOB_BYTES(NDRUniConformantArray):
    item = 'c'


class BLOB_POINTER(NDRPOINTER):
    referent = (('Data', BLOB_BYTES),)


class CERTTRANSBLOB(NDRSTRUCT):
    structure = (('cb', ULONG), ('pb', BLOB_POINTER))


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


ICPR = ('91ae6020-9e3c-11cf-8d7c-00aa00c091be', '0.0')
NDR20 = ('8a885d04-1ceb-11c9-9fe8-08002b104860', '2.0')


def set_blob(blob, data, referent_id):
    """cb and pb of a CERTTRANSBLOB; empty data is cb 0, pb NULL."""
    blob['cb'] = len(data)
    if data:
        blob['pb'] = data
        blob.fields['pb'].fields['ReferentID'] = referent_id
    else:
        blob['pb'] = NULL


def unicode_blob(text):
    return (text + '\0').encode('utf-16le') if text else b''


def cert_server_request(flags, authority, request_id, attributes, request):
    call = CertServerRequest()
    call['dwFlags'] = flags
    call['pwszAuthority'] = authority + '\0'
    call.fields['pwszAuthority'].fields['ReferentID'] = 0x00020000
    call['pdwRequestId'] = request_id
    ids = iter([0x00020004, 0x00020008])
    attribs = unicode_blob(attributes)
    set_blob(call['pctbAttribs'], attribs, next(ids) if attribs else 0)
    set_blob(call['pctbRequest'], request, next(ids) if request else 0)
    return call.getData()


def cert_server_request_response(request_id, disposition, cert, encoded, message, error):
    call = CertServerRequestResponse()
    call['pdwRequestId'] = request_id
    call['pdwDisposition'] = disposition
    ids = iter([0x00020000, 0x00020004, 0x00020008])
    for name, data in (('pctbCert', cert), ('pctbEncodedCert', encoded),
                       ('pctbDispositionMessage', unicode_blob(message))):
        set_blob(call[name], data, next(ids) if data else 0)
    call['ErrorCode'] = error
    return call.getData()


def tcp_tower(iface, port, ip):
    """The 5-floor ncacn_ip_tcp tower, built the way impacket's hept_map builds it."""
    raw = uuidtup_to_bin(iface)
    floor1 = epm.EPMRPCInterface()
    floor1['InterfaceUUID'] = raw[:16]
    floor1['MajorVersion'] = int.from_bytes(raw[16:18], 'little')
    floor1['MinorVersion'] = int.from_bytes(raw[18:20], 'little')
    ndr = uuidtup_to_bin(NDR20)
    floor2 = epm.EPMRPCDataRepresentation()
    floor2['DataRepUuid'] = ndr[:16]
    floor2['MajorVersion'] = int.from_bytes(ndr[16:18], 'little')
    floor2['MinorVersion'] = int.from_bytes(ndr[18:20], 'little')
    floor3 = epm.EPMProtocolIdentifier()
    floor3['ProtIdentifier'] = epm.FLOOR_RPCV5_IDENTIFIER
    floor4 = epm.EPMPortAddr()
    floor4['IpPort'] = port
    floor5 = epm.EPMHostAddr()
    floor5['Ip4addr'] = socket.inet_aton(ip)
    tower = epm.EPMTower()
    tower['NumberOfFloors'] = 5
    tower['Floors'] = floor1.getData() + floor2.getData() + floor3.getData() + floor4.getData() + floor5.getData()
    return tower.getData()


def ept_map(iface, max_towers):
    tower = tcp_tower(iface, 0, '0.0.0.0')
    call = epm.ept_map()
    call['obj'] = b'\x00' * 16
    call['max_towers'] = max_towers
    call['map_tower']['tower_length'] = len(tower)
    call['map_tower']['tower_octet_string'] = tower
    call.fields['obj'].fields['ReferentID'] = 1
    call.fields['map_tower'].fields['ReferentID'] = 2
    return call.getData()


def ept_map_response(towers, max_towers, status):
    call = epm.ept_mapResponse()
    call['num_towers'] = len(towers)
    items = []
    for i, tower in enumerate(towers):
        item = epm.twr_p_t()
        item['tower_length'] = len(tower)
        item['tower_octet_string'] = tower
        item.fields['ReferentID'] = 3 + i
        items.append(item)
    array = call.fields['ITowers']
    array['Data'] = items
    array.fields['MaximumCount'] = max_towers
    call['status'] = status
    return call.getData()


FAKE_PKCS10 = bytes.fromhex('3003020105')          # not a CSR: five bytes, odd on purpose
FAKE_CMS = bytes.fromhex('30020500')
FAKE_CERT = bytes.fromhex('3003020107')
TEMPLATE_DENIED = 0x80094012


def messages():
    icpr_tower = tcp_tower(ICPR, 49668, '192.0.2.10')
    return {
        'cert-server-request-submit': cert_server_request(
            0x100, 'CONTOSO-CA', 0, 'CertificateTemplate:User', FAKE_PKCS10),
        'cert-server-request-retrieve': cert_server_request(0, 'CONTOSO-CA', 42, '', b''),
        'cert-server-request-response-issued': cert_server_request_response(
            42, 3, FAKE_CMS, FAKE_CERT, 'Issued', 0),
        'cert-server-request-response-denied': cert_server_request_response(
            43, TEMPLATE_DENIED, b'', b'', 'Denied by Policy Module', 0),
        'ept-map-icpr': ept_map(ICPR, 4),
        'ept-map-response-icpr': ept_map_response([icpr_tower], 4, 0),
        'ept-map-response-not-registered': ept_map_response([], 4, 0x16C9A0D6),
    }


def unpack_goldens(directory):
    """Unpacks our golden files with impacket and repacks them: each must come out as the stub
    impacket builds itself from the same values (its padding bytes included). Returns the
    number of mismatches."""
    kinds = {
        'cert-server-request-submit': CertServerRequest,
        'cert-server-request-retrieve': CertServerRequest,
        'cert-server-request-response': CertServerRequestResponse,
        'ept-map-icpr': epm.ept_map,
        'ept-map-response': epm.ept_mapResponse,
    }
    built = messages()
    mismatches = 0
    for path in sorted(glob.glob(os.path.join(directory, '**', '*.hex'), recursive=True)):
        name = os.path.basename(path)[:-4]
        kind = next((k for prefix, k in kinds.items() if name.startswith(prefix)), None)
        if kind is None or name not in built:
            continue
        with open(path) as f:
            text = ''.join(line.split('#')[0] for line in f)
        again = kind(bytes.fromhex(''.join(text.split()))).getData()
        verdict = 'match' if again == built[name] else 'MISMATCH'
        mismatches += verdict != 'match'
        print('golden', name, 'unpacked and repacked by impacket:', verdict)
    return mismatches


if __name__ == '__main__':
    for name, data in messages().items():
        print(name, data.hex())
    if len(sys.argv) > 1:
        sys.exit(1 if unpack_goldens(sys.argv[1]) else 0)

"""The ``vendor`` backend: a termb-compatible SDK (华视 termb.dll / libtermb.so) via ctypes.

Stations with USB-HID readers only have the vendor's library, one build per OS and CPU
architecture (x86_64, aarch64, loongarch64, mips64el on UOS/Kylin). It is loaded from the
configured path. Every call returns 1 on success. Strings come back in GBK (configurable);
sex and ethnicity come as text ("男", "汉") and are mapped to GB codes. The photo is kept
as the library delivers it (usually a decoded BMP).
"""

from __future__ import annotations

import ctypes
import logging
from collections.abc import Callable
from datetime import date
from typing import Any

from devices.errors import CardError, CardNotFound, ConfigError, ReaderMissing
from devices.reader import Reader
from devices.textblock import card_date
from intake.identity import DocType, Identity, check_identity, ethnicity_code

log = logging.getLogger(__name__)

REQUIRED = (
    "CVR_InitComm",
    "CVR_Authenticate",
    "CVR_Read_Content",
    "GetPeopleName",
    "GetPeopleIDCode",
)
#: field → getter; missing optional getters simply leave the field empty
GETTERS = {
    "name": "GetPeopleName",
    "sex": "GetPeopleSex",
    "nation": "GetPeopleNation",
    "birth_date": "GetPeopleBirthday",
    "address": "GetPeopleAddress",
    "id_number": "GetPeopleIDCode",
    "issuer": "GetDepartment",
    "valid_from": "GetStartDate",
    "valid_to": "GetEndDate",
    "cert_type": "GetCertType",
    "name_en": "GetPeopleEnglishName",
    "name_cn": "GetPeopleChineseName",
    "nationality": "GetNationalityCode",
    "pass_number": "GetPassCheckID",
    "issue_count": "GetIssuesNum",
}
_SEX = {"男": "1", "女": "2", "未知": "0", "未说明": "9"}
_TYPES = {
    "": DocType.RESIDENT,
    "J": DocType.HKMOTW,
    "I": DocType.FOREIGN2017,
    "Y": DocType.FOREIGN2023,
}
_BUF = 512
_PHOTO_BUF = 128 * 1024


def load_library(path: str) -> ctypes.CDLL:
    """Load the SDK (stdcall WinDLL on Windows) and check the calls we need exist."""
    try:
        loader: Callable[[str], ctypes.CDLL] = getattr(ctypes, "WinDLL", ctypes.CDLL)
        lib = loader(path)
    except OSError as exc:
        raise ConfigError(
            "the vendor library cannot be loaded (path, CPU architecture, dependencies)",
            code="vendor.library",
            details={"path": path, "reason": type(exc).__name__},
        ) from None
    missing = [name for name in REQUIRED if not hasattr(lib, name)]
    if missing:
        raise ConfigError(
            "the vendor library lacks calls WindowDesk needs",
            code="vendor.symbol",
            details={"missing": missing},
        )
    return lib


class VendorReader(Reader):
    backend = "vendor"

    def __init__(
        self,
        library: str,
        port: int = 1001,
        *,
        encoding: str = "gbk",
        today: Callable[[], date] = date.today,
        loader: Callable[[str], ctypes.CDLL] = load_library,
    ) -> None:
        self._path = library
        self._port = port  # 1001-1016: USB, 1-16: serial COM port
        self._encoding = encoding
        self._today = today
        self._loader = loader
        self._lib: ctypes.CDLL | None = None
        self._found = False

    @property
    def name(self) -> str:
        return f"{self._path}:{self._port}"

    def open(self) -> None:
        self.close()
        lib = self._loader(self._path)
        rc = lib.CVR_InitComm(ctypes.c_int(self._port))
        if rc != 1:
            raise ReaderMissing(
                "the vendor library found no reader on this port",
                code="reader.not_found",
                details={"rc": rc, "port": self._port},
            )
        self._lib = lib
        log.debug("vendor open rc=%d", rc)

    def close(self) -> None:
        lib, self._lib = self._lib, None
        self._found = False
        if lib is not None and hasattr(lib, "CVR_CloseComm"):
            lib.CVR_CloseComm()

    def _library(self) -> ctypes.CDLL:
        if self._lib is None:
            raise ReaderMissing("the reader is not open", code="reader.not_open")
        return self._lib

    def poll(self) -> bool:
        self._found = self._library().CVR_Authenticate() == 1
        return self._found

    def read(self) -> Identity:
        lib = self._library()
        found, self._found = self._found, False
        if not found and lib.CVR_Authenticate() != 1:
            raise CardNotFound("no card on the reader", code="card.not_found")
        rc = lib.CVR_Read_Content(ctypes.c_int(1))
        if rc != 1:
            raise CardError(
                "reading the card failed: place it again",
                code="card.read_failed",
                details={"rc": rc},
            )
        values = {key: self._text(lib, getter) for key, getter in GETTERS.items()}
        photo = self._photo(lib)
        log.debug("vendor read ok: photo=%d", len(photo or b""))
        return check_identity(self._identity(values, photo), today=self._today())

    def _text(self, lib: ctypes.CDLL, getter: str) -> str:
        function = getattr(lib, getter, None)
        if function is None:
            return ""
        buf = ctypes.create_string_buffer(_BUF)
        size = ctypes.c_int(_BUF)
        rc = function(buf, ctypes.byref(size))
        if rc != 1:
            if getter in REQUIRED:
                raise CardError(
                    "the vendor library could not deliver a field",
                    code="card.read_failed",
                    details={"getter": getter, "rc": rc},
                )
            return ""
        length = size.value if 0 <= size.value <= _BUF else len(buf.value)
        raw = buf.raw[:length].split(b"\x00", 1)[0]
        return raw.decode(self._encoding, errors="replace").strip()

    def _photo(self, lib: ctypes.CDLL) -> bytes | None:
        function = getattr(lib, "GetBMPData", None)
        if function is None:
            return None
        buf = ctypes.create_string_buffer(_PHOTO_BUF)
        size = ctypes.c_int(_PHOTO_BUF)
        if function(buf, ctypes.byref(size)) != 1 or not 0 < size.value <= _PHOTO_BUF:
            return None
        return buf.raw[: size.value]

    def _identity(self, values: dict[str, str], photo: bytes | None) -> Identity:
        warnings: list[str] = []

        def day(key: str) -> date | None:
            return card_date(values[key], warnings, open_ended=key == "valid_to")

        doc_type = _TYPES.get(values["cert_type"].upper(), DocType.RESIDENT)
        name = values["name_cn"] or values["name"]
        extras: dict[str, Any] = {k: values[k] for k in ("pass_number", "issue_count") if values[k]}
        nation = values["nation"]
        return Identity(
            doc_type=doc_type,
            name=name,
            id_number=values["id_number"],
            sex=_SEX.get(values["sex"], values["sex"] or None),
            ethnicity=ethnicity_code(nation) if nation else None,
            birth_date=day("birth_date"),
            address=values["address"] or None,
            issuer=values["issuer"] or None,
            valid_from=day("valid_from"),
            valid_to=day("valid_to"),
            name_en=values["name_en"] or None,
            nationality=values["nationality"] or None,
            photo=photo,
            extras=extras,
            warnings=tuple(warnings),
        )

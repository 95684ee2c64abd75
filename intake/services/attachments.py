"""Scans and photos of a case's materials, kept in the encrypted store until sync uploads them.

The bytes live in the SQLCipher database (never as loose files), so a scanned ID card is
encrypted at rest like the rest of the case. Adding one is a single transaction: the row,
an audit row and, when it belongs to a material, a new case version whose content names it
(``MaterialRecord.attachments``) queued as ``case.materials``; the platform then knows which
blob belongs to which material and can check it holds each by SHA-256.

An attachment without a material (a photo taken before the clerk picked one) is stored,
audited and uploaded like any other, but is not named in the case's content: the content
has no place for it that the platform accepts after creation, and no version is queued.

An attachment has a kind: ``scan`` (the default) or ``signature`` — the applicant's signature
drawn on the citizen screen for one document (``SIGNABLE_DOCUMENTS``). A signature is a PNG
with no material; its kind and document are kept in ``case_signatures`` and a ``signed``
history event (document and SHA-256) is queued in the same transaction, so the platform
learns which blob signs which document; printing draws the latest one on the document's
signature line (``signature_for``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import PurePath, PureWindowsPath
from typing import Any

from sqlalchemy import func, insert, select, update

from intake.clock import from_iso, now, to_iso
from intake.errors import NotFound, WindowDeskError
from intake.services import audit
from intake.services.cases import CaseService
from intake.store.db import Database
from intake.store.models import AttachmentRow, CaseMaterialRow, SignatureRow

#: The platform's limit for one attachment (sync.protocol.MAX_ATTACHMENT_BYTES).
MAX_ATTACHMENT_BYTES = 64 * 1024 * 1024
#: A signature image is small (a few strokes on a white or clear background).
MAX_SIGNATURE_BYTES = 2 * 1024 * 1024
ATTACHMENT_KINDS = ("scan", "signature")
#: Documents the applicant signs (printing's kinds): the promises and the 签收 lines.
SIGNABLE_DOCUMENTS = ("promise", "commitment", "acceptance", "supplement", "rejection", "materials")
_PNG = b"\x89PNG\r\n\x1a\n"

# Everything but the bytes: listing and checking never read a 64 MiB blob.
_INFO = (
    AttachmentRow.sha256,
    AttachmentRow.case_id,
    AttachmentRow.material_id,
    AttachmentRow.filename,
    AttachmentRow.mime,
    AttachmentRow.size,
    AttachmentRow.uploaded,
    AttachmentRow.created_at,
)


@dataclass(frozen=True)
class AttachmentInfo:
    sha256: str
    case_id: str
    material_id: str | None
    filename: str
    mime: str
    size: int
    uploaded: bool
    created_at: datetime
    kind: str = "scan"
    documents: tuple[str, ...] = ()  # what a signature signs


def _info(row: Any) -> AttachmentInfo:
    return AttachmentInfo(
        sha256=row.sha256,
        case_id=row.case_id,
        material_id=row.material_id,
        filename=row.filename,
        mime=row.mime,
        size=row.size,
        uploaded=bool(row.uploaded),
        created_at=from_iso(row.created_at),
    )


def _check_signature(
    data: bytes, material_id: str | None, mime: str, document: str, strokes: int
) -> None:
    if document not in SIGNABLE_DOCUMENTS:
        raise WindowDeskError(
            "this document is not signed on screen",
            code="signature.document",
            details={"document": document},
        )
    if material_id is not None:
        raise WindowDeskError("a signature belongs to no material", code="signature.material")
    if strokes < 1:
        raise WindowDeskError("the signature is empty", code="signature.empty")
    if mime.strip().lower() != "image/png" or not data.startswith(_PNG):
        raise WindowDeskError("a signature is a PNG image", code="signature.format")
    if len(data) > MAX_SIGNATURE_BYTES:
        raise WindowDeskError(
            "a signature image is at most 2 MiB",
            code="signature.size",
            details={"size": len(data), "max": MAX_SIGNATURE_BYTES},
        )


def _clean_filename(filename: str) -> str:
    """The last part of a path a scanner or a file dialog gave (either separator)."""
    name = PureWindowsPath(PurePath(filename.strip()).name).name
    return name[:255] or "attachment"


class AttachmentService:
    def __init__(self, db: Database, cases: CaseService) -> None:
        self._db = db
        self._cases = cases

    def add(
        self,
        case_ref: str,
        data: bytes,
        *,
        material_id: str | None,
        filename: str,
        mime: str,
        operator: str,
        kind: str = "scan",
        document: str = "",
        strokes: int = 0,
    ) -> AttachmentInfo:
        """Attach ``data`` to a case (and one of its materials). The same bytes added again
        to the same case and material return the stored attachment unchanged.

        ``kind="signature"``: the applicant's signature of ``document`` (a PNG, no material;
        ``strokes``: how many pen strokes it holds, at least one)."""
        if kind not in ATTACHMENT_KINDS:
            raise WindowDeskError("an attachment is a scan or a signature", code="attachment.kind")
        if kind == "signature":
            _check_signature(data, material_id, mime, document, strokes)
        if not data or len(data) > MAX_ATTACHMENT_BYTES:
            raise WindowDeskError(
                "an attachment holds 1 byte to 64 MiB",
                code="attachment.size",
                details={"size": len(data), "max": MAX_ATTACHMENT_BYTES},
            )
        mime = mime.strip().lower()
        if "/" not in mime or len(mime) > 100:
            raise WindowDeskError("a MIME type such as image/jpeg", code="attachment.mime")
        sha = hashlib.sha256(data).hexdigest()
        with self._db.write() as session:
            case_id = self._cases.case_id_in(session, case_ref)
            if (
                material_id is not None
                and session.get(CaseMaterialRow, (case_id, material_id)) is None
            ):
                raise WindowDeskError(
                    "this material is not on this case",
                    code="attachment.unknown_material",
                    details={"material_id": material_id},
                )
            existing = session.execute(
                select(*_INFO).where(AttachmentRow.case_id == case_id, AttachmentRow.sha256 == sha)
            ).first()
            if existing is not None:
                if existing.material_id != material_id:
                    raise WindowDeskError(
                        "this file is already attached to another material of this case",
                        code="attachment.other_material",
                        details={"material_id": existing.material_id, "sha256": sha},
                    )
                if kind == "signature" and self._sign_in(
                    session, case_id, document, sha, strokes, operator
                ):
                    return replace(_info(existing), kind="signature", documents=(document,))
                return _info(existing)  # idempotent: nothing written
            stamp = to_iso(now())
            values = {
                "case_id": case_id,
                "sha256": sha,
                "material_id": material_id,
                "filename": _clean_filename(filename),
                "mime": mime,
                "size": len(data),
                "uploaded": False,
                "created_at": stamp,
                "uploaded_at": None,
            }
            session.execute(insert(AttachmentRow).values(data=data, **values))
            audit.append(session, operator, "attach", case_id, sha)
            if material_id is not None:
                self._cases.record_attachments_in(session, case_id, operator)
            if kind == "signature":
                self._sign_in(session, case_id, document, sha, strokes, operator)
            return AttachmentInfo(
                sha256=sha,
                case_id=case_id,
                material_id=material_id,
                filename=str(values["filename"]),
                mime=mime,
                size=len(data),
                uploaded=False,
                created_at=from_iso(stamp),
                kind=kind,
                documents=(document,) if kind == "signature" else (),
            )

    def _sign_in(
        self, session: Any, case_id: str, document: str, sha: str, strokes: int, operator: str
    ) -> bool:
        """The signature's kind row and its ``signed`` event; False when this blob already
        signs this document (nothing written)."""
        if session.get(SignatureRow, (case_id, document, sha)) is not None:
            return False
        session.execute(
            insert(SignatureRow).values(
                case_id=case_id,
                document=document,
                sha256=sha,
                kind="signature",
                strokes=strokes,
                operator=operator,
                signed_at=to_iso(now()),
            )
        )
        self._cases.record_signature_in(session, case_id, document, sha, operator)
        return True

    def signature_for(self, case_ref: str, document: str) -> tuple[bytes, datetime] | None:
        """The newest signature of this document on this case and when it was signed (None:
        not signed on screen)."""
        with self._db.read() as session:
            case_id = self._cases.case_id_in(session, case_ref)
            row = session.execute(
                select(AttachmentRow.data, SignatureRow.signed_at)
                .join(
                    SignatureRow,
                    (SignatureRow.case_id == AttachmentRow.case_id)
                    & (SignatureRow.sha256 == AttachmentRow.sha256),
                )
                .where(SignatureRow.case_id == case_id, SignatureRow.document == document)
                .order_by(SignatureRow.signed_at.desc())
                .limit(1)
            ).first()
        return (bytes(row.data), from_iso(row.signed_at)) if row is not None else None

    def for_case(self, case_ref: str) -> list[AttachmentInfo]:
        """The case's attachments; ``case_ref`` is its id or case number."""
        with self._db.read() as session:
            case_id = self._cases.case_id_in(session, case_ref)
            rows = session.execute(
                select(*_INFO)
                .where(AttachmentRow.case_id == case_id)
                .order_by(AttachmentRow.created_at, AttachmentRow.sha256)
            ).all()
            signs: dict[str, list[str]] = {}
            for sha, document in session.execute(
                select(SignatureRow.sha256, SignatureRow.document)
                .where(SignatureRow.case_id == case_id)
                .order_by(SignatureRow.document)
            ):
                signs.setdefault(sha, []).append(document)
            return [
                replace(_info(r), kind="signature", documents=tuple(signs[r.sha256]))
                if r.sha256 in signs
                else _info(r)
                for r in rows
            ]

    def read(self, sha256: str, *, operator: str | None = None) -> bytes:
        """The bytes of an attachment; a person looking at it (``operator``) is audited."""
        with self._db.read() as session:
            row = session.execute(
                select(AttachmentRow.case_id, AttachmentRow.data)
                .where(AttachmentRow.sha256 == sha256)
                .limit(1)
            ).first()
        if row is None:
            raise NotFound("no such attachment", code="attachment.not_found")
        if operator is not None:
            with self._db.write() as session:
                audit.append(session, operator, "view_attachment", row.case_id, sha256)
        return bytes(row.data)

    def pending(
        self, limit: int = 8, *, exclude: Collection[str] = ()
    ) -> list[tuple[AttachmentInfo, bytes]]:
        """Not yet uploaded, oldest first, one entry per SHA-256 (``exclude``: ones a sync
        round already tried, so a failing blob does not hold the others back)."""
        query = (
            select(*_INFO, AttachmentRow.data)
            .where(AttachmentRow.uploaded.is_(False))
            .order_by(AttachmentRow.uploaded, AttachmentRow.created_at, AttachmentRow.sha256)
        )
        if exclude:
            query = query.where(AttachmentRow.sha256.not_in(list(exclude)))
        out: dict[str, tuple[AttachmentInfo, bytes]] = {}
        with self._db.read() as session:
            for row in session.execute(query.limit(limit)):
                out.setdefault(row.sha256, (_info(row), bytes(row.data)))
        return list(out.values())

    def pending_count(self) -> int:
        with self._db.read() as session:
            count = session.scalar(
                select(func.count(func.distinct(AttachmentRow.sha256))).where(
                    AttachmentRow.uploaded.is_(False)
                )
            )
        return int(count or 0)

    def mark_uploaded(self, sha256: str) -> None:
        """The platform holds these bytes: every row with them (any case) is uploaded."""
        with self._db.write() as session:
            known = session.scalar(
                select(AttachmentRow.sha256).where(AttachmentRow.sha256 == sha256).limit(1)
            )
            if known is None:
                raise NotFound("no such attachment", code="attachment.not_found")
            session.execute(
                update(AttachmentRow)
                .where(AttachmentRow.sha256 == sha256, AttachmentRow.uploaded.is_(False))
                .values(uploaded=True, uploaded_at=to_iso(now()))
            )

"""The official papers of a decision, filled from what was recorded: the decision with its
list of awardees (one per award form of the list), a certificate per awardee, and the letter
to the agency of a nominee not awarded. awdocs' builders print them (papers.py and the
*_pdf.py modules)."""

import re

from modules.awards.models import AwardList, Nomination


def _authority(title: str) -> str:
    """"Phó Chủ tịch" → "KT. CHỦ TỊCH\\nPHÓ CHỦ TỊCH"; "Chủ tịch" → "CHỦ TỊCH"."""
    title = " ".join(title.split())
    if title.lower().startswith("phó "):
        return f"KT. {title[4:].upper()}\n{title.upper()}"
    return title.upper()


def _awardee(nomination: Nomination):
    from modules.awards import papers

    kind = papers.PERSON if nomination.kind == "individual" else papers.COLLECTIVE
    return papers.Awardee(name=nomination.name, description=nomination.position or "",
                          agency=nomination.unit or nomination.agency.name_vi, kind=kind)


def _achievement(award_list: AwardList) -> str:
    """"đã có thành tích xuất sắc trong công tác thông tin đối ngoại năm 2026", from a round's
    topic that is often the call's own title ("Khen thưởng chuyên đề công tác … năm 2026"):
    an achievement is in the work, not in the commendation, and its year is said once."""
    topic = re.sub(r"^\s*khen thưởng\s+(chuyên đề\s+)?", "", award_list.round.topic, flags=re.I)
    topic = re.sub(rf"\s+năm\s+{award_list.round.year}\s*$", "", topic).strip()
    return f"đã có thành tích xuất sắc trong {topic[:1].lower()}{topic[1:]} " \
           f"năm {award_list.round.year}"


def forms_of(award_list: AwardList) -> list:
    seen = {}
    for nomination in award_list.nominations:
        seen.setdefault(nomination.form.code, nomination.form)
    return list(seen.values())


def decision_paper(award_list: AwardList, form_code: str):
    from modules.awards import papers

    decision = award_list.decision
    awarded = tuple(_awardee(n) for n in award_list.nominations
                    if n.agreed and n.form.code == form_code)
    award_form = next(n.form for n in award_list.nominations if n.form.code == form_code)
    # The tờ trình is the coordinating agency's; Home Affairs proposes after its appraisal.
    proposal = (f"Xét Tờ trình số {award_list.number} ngày {award_list.sent_at:%d/%m/%Y} của "
                f"{award_list.round.agency.name_vi}; theo đề nghị của Giám đốc Sở Nội vụ")
    extra = {}
    if award_list.decider == "agency_head":
        agency = award_list.round.agency.name_vi
        extra = {"issuer": agency, "issuer_parent": "UBND tỉnh Quảng Ngãi",
                 "authority": f"GIÁM ĐỐC {agency.upper()}", "decider": f"Giám đốc {agency}",
                 "executors": ("Chánh Văn phòng", "Thủ trưởng các cơ quan, đơn vị có liên quan")}
        proposal = f"Xét đề nghị tại Tờ trình số {award_list.number} " \
                   f"ngày {award_list.sent_at:%d/%m/%Y}"
    return papers.DecisionPaper(
        number=decision.number, issued_on=decision.signed_on, award_form=award_form.name,
        achievement=_achievement(award_list), awardees=awarded, proposal=proposal,
        signer_name=decision.signer, signer_authority=_authority(decision.signer_title),
        **extra)


def certificate_paper(nomination: Nomination):
    from modules.awards import papers

    award_list, decision = nomination.award_list, nomination.award_list.decision
    title = "GIẤY KHEN" if award_list.decider == "agency_head" else "BẰNG KHEN"
    authority = (papers.CHAIRMAN if award_list.decider == "chairman"
                 else f"GIÁM ĐỐC {award_list.round.agency.name_vi.upper()}")
    honorific = "" if nomination.kind == "collective" else "Ông/Bà "
    return papers.CertificatePaper(
        form_title=title, authority=authority, recipient=f"{honorific}{nomination.name}",
        position=nomination.position or "", agency=nomination.unit or nomination.agency.name_vi,
        achievement=_achievement(award_list)[:1].upper() + _achievement(award_list)[1:],
        decision_number=decision.number, decision_date=decision.signed_on,
        signer_name=decision.signer, signer_title=_authority(decision.signer_title))


def refusal_paper(nomination: Nomination):
    from modules.awards import papers

    award_list, decision = nomination.award_list, nomination.award_list.decision
    who = nomination.name + (f", {nomination.position}" if nomination.position else "")
    # Home Affairs' letter is signed in Sở Nội vụ; an agency head's refusal by the head.
    extra = {"signer_name": decision.letter_signer or "",
             "signer_authority": _authority(decision.letter_signer_title or "Phó Giám đốc")}
    if award_list.decider == "agency_head":
        extra = {"issuer": award_list.round.agency.name_vi, "signer_name": decision.signer,
                 "signer_authority": _authority(decision.signer_title)}
    return papers.RefusalPaper(
        number=decision.letter_number or decision.number, issued_on=decision.signed_on,
        to=nomination.agency.name_vi,
        subject=f"kết quả xét đề nghị tặng {nomination.form.name}", nominee=who,
        award_form=nomination.form.name, reason=nomination.refusal_reason or "",
        proposal=f"Tờ trình số {award_list.number} của "
        f"{award_list.round.agency.name_vi}", **extra)


def sample_certificate_paper():
    """A made-up awardee with long Vietnamese lines, for the admin's test print on a blank."""
    from app.clock import today
    from modules.awards import papers

    return papers.CertificatePaper(
        form_title="BẰNG KHEN", authority=papers.CHAIRMAN,
        recipient="Ông/Bà Nguyễn Thị Ánh Tuyết", position="Chuyên viên",
        agency="Sở Văn hóa, Thể thao và Du lịch tỉnh Quảng Ngãi",
        achievement="Đã có thành tích xuất sắc trong công tác thông tin đối ngoại",
        decision_number="000/QĐ-UBND", decision_date=today(),
        signer_name="Nguyễn Văn Mẫu", signer_title="KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH")

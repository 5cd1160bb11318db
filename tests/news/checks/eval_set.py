"""The whole evaluation set: generated stories, session coverage, seed facts, held-out."""

from news.checks import CheckContext

from .eval_data import PROBLEMS, EvalStory, _base, _story, directory
from .eval_held_out import held_out
from .eval_training import _seed_stories, _training_story

# Text that looks like a problem but is not: NIP, clock times, regulations, history, plans,
# institutional e-mail, initials of warga binaan. Clean stories carry them to measure false alarms.
DISTRACTORS = [
    "Pejabat penanggung jawab, NIP 19860926 201505 1 001, menandatangani berita acara.",
    "Kegiatan dimulai pukul 09.30 Wita dan selesai pukul 11.15 Wita.",
    "Pembinaan mengacu pada UU 22/2022 tentang Pemasyarakatan dan Permenkumham 7/2023.",
    "Unit ini dahulu berada di bawah Kanwil Kemenkumham sebelum reorganisasi 2024.",
    "Kegiatan serupa akan kembali digelar pada 15 Desember 2026 mendatang.",
    "Pertanyaan media dapat dikirim ke humas@ditjenpas.go.id.",
    "Warga binaan berinisial AS yang menjalani pidana kasus penipuan turut membaca puisi.",
    "Sebanyak 2/3 peserta merupakan petugas pengamanan.",
    "Kegiatan berlangsung di Aula Blok B lantai 2 yang baru direnovasi.",
    "Peserta menerima sertifikat 3 JP dari panitia.",
    "Penyerahan remisi dilakukan pada 17 Agustus 2025 lalu.",
    "Tim mencatat 120 pengunjung dalam dua jam layanan.",
]


def build() -> list[EvalStory]:
    """The whole evaluation set: about a third clean."""
    stories = _seed_stories()
    context = CheckContext(directory=directory())
    problem_index = 0
    for index in range(150):
        base = _base(index)
        labels: set[str] = set()
        if index % 3 != 0:
            labels = PROBLEMS[problem_index % len(PROBLEMS)](base, index)
            problem_index += 1
        if index % 2 == 0:
            base["body"].insert(2, DISTRACTORS[(index // 2) % len(DISTRACTORS)])
        name, action, when = base["lead_parts"]
        story = _story(base, lead=f"Jajaran {name} {action}, {when}.")
        stories.append(EvalStory(f"story-{index}", story, frozenset(labels), context))
    for index in range(12):
        stories.append(_training_story(index, None if index % 3 == 0 else index))
    return stories


def build_all() -> list[EvalStory]:
    """Generated, session and seed stories plus the held-out ones."""
    return build() + held_out()

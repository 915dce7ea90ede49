/*
 * SPARCstation 5 audio: a Crystal CS4231A codec behind Sun's APC DMA
 * controller, OBP node SUNW,CS4231 at SBus slot 4 offset 0xc000000
 * (0x6c000000), 0x40 bytes (OpenBIOS drivers/sbus.c ob_cs4231_init;
 * QEMU hw/sparc/sun4m.c ss5 cs_base).
 *
 * Sources: Crystal CS4231A data sheet DS139PP2 (Sept. 1994) for the codec,
 * with its register reset table as QEMU hw/audio/cs4231a.c transcribes it;
 * Linux sound/sparc/cs4231.c, NetBSD sys/dev/ic/apcdmareg.h and
 * sys/dev/sbus/cs4231_sbus.c, OpenBSD sys/dev/sbus/cs4231reg.h and
 * cs4231.c for the SBus layout and the APC; QEMU hw/audio/cs4231.c, the
 * dummy QEMU's SS-5 maps here.
 *
 * The window: the codec's four direct registers, one per 32-bit word
 * (drivers reach them with byte accesses at +0x0/+0x4/+0x8/+0xc), then
 * the APC's control/status register at +0x10 and, from +0x20, the
 * capture and playback DMA address/count pairs, current and next.
 *
 * The chip is idle: it answers every register as the real one does with
 * nothing playing or recording, and no sample ever moves (cs4231.c says
 * what that means for each bit).
 */
#ifndef HW_CS4231_H
#define HW_CS4231_H

#include <stdbool.h>
#include <stdint.h>

#include "hw/core/bus.h"
#include "hw/core/devctx.h"
#include "hw/core/irq.h"

#define CS4231_REG_SIZE 0x40u

/* Direct codec registers R0..R3, one per word (Linux CS4231U offsets,
 * OpenBSD CS4231_IAR..CS4231_DAT) */
#define CS4231_IAR 0x00             /* R0 index address */
#define CS4231_IDR 0x04             /* R1 indexed data */
#define CS4231_STATUS 0x08          /* R2 status */
#define CS4231_PIO 0x0c             /* R3 PIO capture (R) / playback (W) */

/* APC DMA registers (Linux APCCSR..APCPNC; NetBSD struct apc_dma: three
 * pad words follow the CSR) */
#define CS4231_APC_CSR 0x10
#define CS4231_APC_CVA 0x20         /* capture address */
#define CS4231_APC_CC 0x24          /* capture count */
#define CS4231_APC_CNVA 0x28        /* capture next address */
#define CS4231_APC_CNC 0x2c         /* capture next count */
#define CS4231_APC_PVA 0x30         /* playback address */
#define CS4231_APC_PC 0x34          /* playback count */
#define CS4231_APC_PNVA 0x38        /* playback next address */
#define CS4231_APC_PNC 0x3c         /* playback next count */
#define CS4231_APC_NDMA 8           /* CVA .. PNC */
#define CS4231_APC_NPAD 3           /* +0x14 .. +0x1c */

/* R0 index address register */
#define CS4231_IAR_INIT 0x80        /* codec busy initialising (RO) */
#define CS4231_IAR_MCE 0x40         /* mode change enable */
#define CS4231_IAR_TRD 0x20         /* transfer request disable */
#define CS4231_IAR_INDEX 0x1f       /* IA4..IA0; IA4 only in MODE 2 */

/* R2 status */
#define CS4231_STATUS_INT 0x01      /* interrupt active */

/* Indexed registers I0..I31 (32 in MODE 2, 16 in MODE 1) */
#define CS4231_NIREGS 32
#define CS4231_I_FSPB 8             /* Fs and playback data format */
#define CS4231_I_IC 9               /* interface configuration */
#define CS4231_I_PC 10              /* pin control */
#define CS4231_I_ESI 11             /* error status and init (RO) */
#define CS4231_I_MODEID 12          /* MODE and ID */
#define CS4231_I_AFE1 16            /* alternate feature enable I */
#define CS4231_I_RES22 22           /* reserved */
#define CS4231_I_AFE3 23            /* alternate feature enable III */
#define CS4231_I_AFS 24             /* alternate feature status */
#define CS4231_I_VID 25             /* version / chip id (RO) */
#define CS4231_I_RES27 27           /* reserved */
#define CS4231_I_CDF 28             /* capture data format */
#define CS4231_I_RES29 29           /* reserved */

/* I9 interface configuration */
#define CS4231_IC_PEN 0x01          /* playback enable */
#define CS4231_IC_CEN 0x02          /* capture enable */
#define CS4231_IC_CAL 0x18          /* calibration type (ACAL = 0x08) */
#define CS4231_IC_RES 0x20          /* reserved */
#define CS4231_IC_PPIO 0x40         /* playback by PIO */
#define CS4231_IC_CPIO 0x80         /* capture by PIO */
/* I11 error status and initialisation */
#define CS4231_ESI_ACI 0x20         /* auto-calibration in progress */
/* I12 MODE and ID: bit 7 reads 1, bits 3:0 the codec id 1010 */
#define CS4231_MODEID_MODE2 0x40
#define CS4231_MODEID_FIXED 0x8a
#define CS4231_MODEID_ID 0x0f
/* I16 alternate feature enable I */
#define CS4231_AFE1_PMCE 0x10       /* playback format change w/o MCE */
#define CS4231_AFE1_CMCE 0x20       /* capture format change w/o MCE */
#define CS4231_AFE1_TE 0x40         /* timer enable */
/* I24 alternate feature status: interrupt causes, cleared by writing 0 */
#define CS4231_AFS_IRQS 0x70        /* TI 0x40, CI 0x20, PI 0x10 */
/* I25: version 101 (CS4231A), chip id 000 (Linux wss_lib.c; OpenBSD
 * CS_VID_VER_CS4231A) */
#define CS4231_VID_CS4231A 0xa0

/* APC CSR (NetBSD apcdmareg.h names; Linux APC_*; OpenBSD APC_CSR_*) */
#define CS4231_CSR_RESET 0x00000001u        /* hold the APC in reset */
#define CS4231_CSR_CDMA_GO 0x00000004u      /* capture DMA running */
#define CS4231_CSR_PDMA_GO 0x00000008u      /* playback DMA running */
#define CS4231_CSR_CODEC_RESET 0x00000020u  /* hold the codec in reset */
#define CS4231_CSR_CPAUSE 0x00000040u
#define CS4231_CSR_PPAUSE 0x00000080u
#define CS4231_CSR_CMIE 0x00000100u         /* capture pipe empty int en */
#define CS4231_CSR_CMI 0x00000200u          /* capture pipe empty int */
#define CS4231_CSR_CD 0x00000400u           /* capture next pair free */
#define CS4231_CSR_CM 0x00000800u           /* capture data dropped */
#define CS4231_CSR_PMIE 0x00001000u         /* play pipe empty int en */
#define CS4231_CSR_PD 0x00002000u           /* play next pair free */
#define CS4231_CSR_PM 0x00004000u           /* play pipe empty */
#define CS4231_CSR_PMI 0x00008000u          /* play pipe empty int */
#define CS4231_CSR_EIE 0x00010000u
#define CS4231_CSR_CIE 0x00020000u
#define CS4231_CSR_PIE 0x00040000u
#define CS4231_CSR_IE 0x00080000u           /* general (codec) int en */
#define CS4231_CSR_EI 0x00100000u
#define CS4231_CSR_CI 0x00200000u
#define CS4231_CSR_PI 0x00400000u
#define CS4231_CSR_IP 0x00800000u           /* interrupt pending */
/* Bits that hold what the guest wrote */
#define CS4231_CSR_RW 0x000f11edu
/* Interrupt causes: a 1 written acknowledges (NetBSD APC_INTR_MASK) */
#define CS4231_CSR_W1C 0x00f08200u
/* Pipe status the APC computes: PM, PD, CM, CD */
#define CS4231_CSR_STATUS 0x00006c00u
/* Bits no driver or header names */
#define CS4231_CSR_UNDOC 0xff000012u

typedef struct Cs4231 {
    /* codec */
    uint8_t iar;                    /* R0 as written: MCE, TRD, index */
    uint8_t ireg[CS4231_NIREGS];    /* I0..I31 as the codec reads them */
    uint8_t status;                 /* R2 */
    /* APC */
    uint32_t csr;                   /* the CS4231_CSR_RW bits */
    uint32_t dma[CS4231_APC_NDMA];  /* CVA, CC, CNVA, CNC, PVA, PC, ... */
    uint32_t pad[CS4231_APC_NPAD];  /* undocumented words, kept */
    bool play_loaded;               /* PNVA/PNC hold a buffer */
    bool cap_loaded;                /* CNVA/CNC hold a buffer */
    DevCtx ctx;
    IrqLine irq;                    /* to the SLAVIO; never asserted */
    bool irq_level;
} Cs4231;

extern const MmioOps cs4231_ops;

/* Copies ctx, maps the 0x40-byte window at ctx->base, and resets. */
void cs4231_init(Cs4231 *s, const DevCtx *ctx, IrqLine irq);
/* Power-on / system reset of the APC and the codec. */
void cs4231_reset(Cs4231 *s);

#endif

/*
 * sVimPy serial bootloader for the ATmega328p boot section (512 bytes at 0x7E00).
 *
 * Speaks the STK500v1 subset that `avrdude -c arduino` uses, at 115200 baud, so avrdude,
 * the Arduino IDE and PlatformIO can write the flash through it. Fuses: BOOTSZ = 512 bytes
 * and BOOTRST (high fuse 0xDE), so every reset starts here.
 *
 *  - An external reset (the DTR pulse of a USB-serial bridge, the reset button) enters the
 *    loader; without a host for about one second the watchdog resets the chip and, seeing a
 *    watchdog reset, the loader starts the application at once. Power-on and brown-out
 *    resets start the application at once too.
 *  - It never erases or writes its own section.
 *  - At 0x7E02 it offers applications a page-write entry, do_spm (as Optiboot 8 does), so a
 *    running firmware can take a new image over the serial line itself.
 */
#include <avr/io.h>
#include <avr/boot.h>
#include <avr/pgmspace.h>

#define BOOT_START 0x7E00u
#define UBRR_115200 16 /* with U2X: 16 MHz / (8 * 17) = 117,647 baud, +2.1 %, as on an Uno */


/* STK500v1 */
#define STK_OK 0x10
#define STK_INSYNC 0x14
#define CRC_EOP 0x20
#define STK_GET_PARAMETER 0x41
#define STK_SET_DEVICE 0x42
#define STK_SET_DEVICE_EXT 0x45
#define STK_LEAVE_PROGMODE 0x51
#define STK_LOAD_ADDRESS 0x55
#define STK_UNIVERSAL 0x56
#define STK_PROG_PAGE 0x64
#define STK_READ_PAGE 0x74
#define STK_READ_SIGN 0x75

/* Watchdog settings (WDTCSR values). */
#define WATCHDOG_OFF 0
#define WATCHDOG_16MS _BV(WDE)
#define WATCHDOG_1S (_BV(WDP2) | _BV(WDP1) | _BV(WDE))

void boot_main(void) __attribute__((naked, noreturn, used));
void do_spm(uint16_t address, uint8_t command, uint16_t data) __attribute__((used));

/* The first words of the boot section: the reset entry, then the page-write entry. */
void entry_table(void) __attribute__((naked, section(".vectors"), used));
void entry_table(void)
{
    asm volatile("rjmp boot_main\n\trjmp do_spm\n");
}

/* .noinit: no start-up code clears it (the loader has no C run-time start-up at all). */
/* Up to 8 pages per program-page command: avrdude sends one page at a time, svimpy upload up
   to 8 (fewer round trips). The loader has all the RAM to itself; the buffer has 256 bytes to
   spare because only a length's high byte is checked (at most 0x4FF bytes arrive). */
#define BLOCK_BYTES (8 * SPM_PAGESIZE)
static uint8_t block_buffer[BLOCK_BYTES + 256] __attribute__((section(".noinit")));

static void watchdog_config(uint8_t setting)
{
    /* The second store must follow the first within 4 cycles: both values are in registers
       first. The WDR after them starts the new timeout from now (simavr 1.6 also applies a
       changed prescaler only from the next WDR). */
    asm volatile(
        "sts %[wdtcsr], %[change]\n\t"
        "sts %[wdtcsr], %[setting]\n\t"
        "wdr\n\t"
        :
        : [wdtcsr] "n"(_SFR_MEM_ADDR(WDTCSR)), [change] "r"((uint8_t)(_BV(WDCE) | _BV(WDE))),
          [setting] "r"(setting));
}

static void putch(uint8_t c)
{
    while (!(UCSR0A & _BV(UDRE0))) {
    }
    UDR0 = c;
}

static uint8_t getch(void)
{
    while (!(UCSR0A & _BV(RXC0))) {
    }
    /* Only a cleanly received byte proves a host is there: then the 1 s timeout restarts. */
    if (!(UCSR0A & _BV(FE0))) {
        asm volatile("wdr");
    }
    return UDR0;
}

/* A command must end with CRC_EOP; anything else means we lost the host: reset into the app. */
/* The host sent something we cannot take: reset into the application. */
static void lost_host(void) __attribute__((noreturn));
static void lost_host(void)
{
    watchdog_config(WATCHDOG_16MS);
    for (;;) {
    }
}

/* A command must end with CRC_EOP; anything else means we lost the host. */
static void end_of_command(void)
{
    if (getch() != CRC_EOP) {
        lost_host();
    }
    putch(STK_INSYNC);
}

static void skip_then_end(uint8_t count)
{
    do {
        getch();
    } while (--count);
    end_of_command();
}

static void start_application(uint8_t reset_cause) __attribute__((noreturn));
static void start_application(uint8_t reset_cause)
{
    GPIOR0 = reset_cause; /* the application can still learn why it was reset */
    watchdog_config(WATCHDOG_OFF);
    asm volatile("jmp 0\n");
    __builtin_unreachable();
}

/*
 * Page-write entry for applications (reached through the rjmp at 0x7E02):
 * command is a SPMCSR value (page erase, page fill with data, page write, or RWW enable).
 * Interrupts are held off for the SPM and the flash is readable again when it returns.
 */
void do_spm(uint16_t address, uint8_t command, uint16_t data)
{
    if (address >= BOOT_START) {
        return; /* never our own section */
    }
    uint8_t sreg = SREG;
    asm volatile("cli");
    while (EECR & _BV(EEPE)) {
        /* SPM must not start while an EEPROM write is in progress */
    }
    asm volatile(
        "movw r0, %[data]\n\t"
        "out %[spmcsr], %[command]\n\t"
        "spm\n\t"
        "clr r1\n\t"
        :
        : [data] "r"(data), [spmcsr] "I"(_SFR_IO_ADDR(SPMCSR)), [command] "r"(command), "z"(address)
        : "r0");
    boot_spm_busy_wait();
    if (command & (_BV(PGERS) | _BV(PGWRT))) {
        boot_rww_enable();
    }
    SREG = sreg;
}

/* Erases and writes the pages that `length` bytes of block_buffer fill, from `address`. */
static void write_flash_pages(uint16_t address, uint16_t length)
{
    const uint8_t *data = block_buffer;
    for (uint16_t end = address + length; address < end; address += SPM_PAGESIZE) {
        do_spm(address, _BV(PGERS) | _BV(SPMEN), 0);
        for (uint8_t i = 0; i < SPM_PAGESIZE; i += 2) {
            do_spm(address + i, _BV(SPMEN), data[0] | ((uint16_t)data[1] << 8));
            data += 2;
        }
        do_spm(address, _BV(PGWRT) | _BV(SPMEN), 0);
    }
}

void boot_main(void)
{
    asm volatile("clr r1");
    uint8_t reset_cause = MCUSR;
    MCUSR = 0;
    if (!(reset_cause & _BV(EXTRF))) {
        start_application(reset_cause);
    }
    watchdog_config(WATCHDOG_1S);

    UCSR0A = _BV(U2X0);
    UCSR0B = _BV(RXEN0) | _BV(TXEN0);
    UBRR0L = UBRR_115200;

    uint16_t address = 0; /* byte address */
    for (;;) {
        uint8_t command = getch();
        if (command == STK_GET_PARAMETER) {
            /* Every parameter reads 3: hardware 3, software version 3.3 (avrdude prints it;
               svimpy upload takes 3.3 as this loader, which accepts 8 pages a command). */
            getch();
            end_of_command();
            putch(0x03);
        } else if (command == STK_SET_DEVICE) {
            skip_then_end(20);
        } else if (command == STK_SET_DEVICE_EXT) {
            /* Its first byte counts itself and the parameters after it: avrdude sends
               4 (3 parameters) to a loader reporting version 1.0, 5 from version 1.11. */
            skip_then_end(getch() - 1);
        } else if (command == STK_LOAD_ADDRESS) {
            address = getch();
            address |= (uint16_t)getch() << 8;
            address += address; /* word address to byte address */
            end_of_command();
        } else if (command == STK_UNIVERSAL) {
            skip_then_end(4);
            putch(0x00);
        } else if (command == STK_PROG_PAGE || command == STK_READ_PAGE) {
            uint8_t length_high = getch();
            if (length_high > BLOCK_BYTES >> 8) {
                lost_host();
            }
            uint16_t length = ((uint16_t)length_high << 8) | getch();
            uint8_t memtype = getch(); /* 'F' flash; EEPROM ('E') is not supported */
            if (command == STK_PROG_PAGE) {
                uint8_t *p = block_buffer;
                for (uint16_t n = length; n; n--) {
                    *p++ = getch();
                }
                end_of_command();
                /* Flash only (the image lives in flash); hosts send whole pages, and
                   do_spm refuses the boot section itself. */
                if (memtype == 'F') {
                    write_flash_pages(address, length);
                }
            } else {
                end_of_command();
                for (; length; length--) {
                    putch(pgm_read_byte(address));
                    address++;
                }
            }
        } else if (command == STK_READ_SIGN) {
            end_of_command();
            putch(SIGNATURE_0);
            putch(SIGNATURE_1);
            putch(SIGNATURE_2);
        } else if (command == STK_LEAVE_PROGMODE) {
            watchdog_config(WATCHDOG_16MS); /* reset into the application once the reply is out */
            end_of_command();
        } else {
            /* get sync, enter programming mode and the rest: just acknowledge */
            end_of_command();
        }
        putch(STK_OK);
    }
}
